import { connect } from "node:net";

/** Whether something accepts a TCP connection on 127.0.0.1:port now. */
export async function accepts(port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
