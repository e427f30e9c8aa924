/**
 * The pages `init` writes for a project, in each language the site has interface strings for:
 * a neutral policy, the home page and the intros of the advisories, thanks and report pages.
 * Every fact (the project's name, its contacts and their keys) is filled in from what `init`
 * was given; nothing here names any real project. The promises (response and disclosure times)
 * are a starting point that `init` asks the maintainer to read through and change.
 */

/** One contact as the pages show it: the address and its key's fingerprint, as gpg prints it. */
export interface ContactFacts {
  email: string;
  /** "0168 DA26 2989 0DB9 4ACD  8367 E683 061E 2F85 C381" */
  fingerprint: string;
  /** The fingerprint unbroken, upper case: what the keyserver link searches for. */
  hex: string;
}

export interface ProjectFacts {
  name: string;
  contacts: ContactFacts[];
}

export interface PageTexts {
  policy: { title: string; intro: string; body: string };
  home: { title: string; intro: string; body: string };
  notFound?: { title: string; body: string };
  advisories?: { title: string; intro: string };
  thanks?: { title: string; intro: string };
  report: { title: string; intro: string };
}

/** "a@x", "a@x and b@y", "a@x, b@y and c@z": as a sentence names them, each a mailto link. */
function addressList(contacts: ContactFacts[], and: string): string {
  const links = contacts.map((c) => `[${c.email}](mailto:${c.email})`);
  return links.length === 1 ? links[0]! : `${links.slice(0, -1).join(", ")} ${and} ${links.at(-1)}`;
}

/**
 * Each contact's key on a line of its own, "address: fingerprint", with a link to the key on
 * keys.openpgp.org: the form the checks pair an address with its key in.
 */
function keyLines(contacts: ContactFacts[]): string {
  return contacts.map((c) => `> ${c.email}: ${c.fingerprint} [keys.openpgp.org](https://keys.openpgp.org/search?q=${c.hex})`).join("\n>\n");
}

/** The languages `init` can write pages in, each with its texts. */
export const TEXTS: Record<string, (facts: ProjectFacts, policyUrl: string) => PageTexts> = {
  en: ({ name, contacts }, policyUrl) => ({
    policy: {
      title: "Security Policy",
      intro: `How to report a security vulnerability in ${name} privately, and what happens after you do.`,
      body: `## Reporting a vulnerability

Report a security vulnerability in ${name} privately, by email to ${addressList(contacts, "or")}. Please do not open a public issue, pull request or discussion about it, and do not share its details with anyone else until a fix is released.

Encrypt your report to ${contacts.length === 1 ? "this key" : "the key of the address you write to"}:

${keyLines(contacts)}

Include in your report:

- **Affected versions:** the versions of ${name} in which you found the vulnerability
- **Overview:** what the vulnerability is, and how severe you consider it
- **Steps to reproduce:** what someone has to do to see it happen
- **Impact:** what an attacker could do with it
- **Solution:** a fix or a mitigation, if you have one

## What happens after you report

1. We confirm that we received your report within 3 working days.
2. We investigate, and tell you whether we consider it a vulnerability and how severe it is.
3. We fix it, and keep you informed of our progress.
4. We release the fix and publish an advisory. Unless you ask us not to, it credits you as the finder.

We aim to release a fix within 90 days of your report, and we coordinate the date of disclosure with you.
`,
    },
    home: {
      title: `${name} security`,
      intro: `How to report a security vulnerability in ${name} privately, and how the maintainers handle it.`,
      body: `Found a vulnerability in ${name}? Read the [security policy](${policyUrl}) before you report it: it says where to send the report, which key to encrypt it with, and what to include.\n`,
    },
    notFound: {
      title: "Page not found",
      body: `There is no page at this address. The [security policy](${policyUrl}) says how to report a vulnerability.\n`,
    },
    advisories: {
      title: "Security advisories",
      intro: `The vulnerabilities fixed in ${name}, newest first, with the versions affected and the versions that fix them.`,
    },
    thanks: {
      title: "Thanks",
      intro: `The people who found and reported vulnerabilities in ${name}, and helped fix them.`,
    },
    report: {
      title: "Write an encrypted report",
      intro: "Write your report here and encrypt it in your browser to the security team's key. Nothing leaves this page until you send it yourself.",
    },
  }),
  es: ({ name, contacts }, policyUrl) => ({
    policy: {
      title: "Política de seguridad",
      intro: `Cómo informar en privado de una vulnerabilidad de seguridad en ${name}, y qué ocurre después.`,
      body: `## Cómo informar de una vulnerabilidad

Informe en privado de una vulnerabilidad de seguridad en ${name}, por correo electrónico a ${addressList(contacts, "o")}. No abra una incidencia, una solicitud de cambios ni un debate públicos sobre ella, y no comparta sus detalles con nadie más hasta que se publique una corrección.

Cifre su informe con ${contacts.length === 1 ? "esta clave" : "la clave de la dirección a la que escriba"}:

${keyLines(contacts)}

Incluya en su informe:

- **Versiones afectadas:** las versiones de ${name} en las que encontró la vulnerabilidad
- **Resumen:** en qué consiste la vulnerabilidad y qué gravedad le atribuye
- **Pasos para reproducirla:** lo que hay que hacer para verla
- **Impacto:** lo que podría hacer un atacante con ella
- **Solución:** una corrección o una mitigación, si la tiene

## Qué ocurre después de informar

1. Confirmamos que hemos recibido su informe en un plazo de 3 días laborables.
2. Lo investigamos y le decimos si lo consideramos una vulnerabilidad y qué gravedad tiene.
3. La corregimos y le mantenemos informado de nuestro avance.
4. Publicamos la corrección y un aviso de seguridad. Salvo que nos pida lo contrario, el aviso le menciona como descubridor.

Nuestro objetivo es publicar una corrección en un plazo de 90 días desde su informe, y acordamos con usted la fecha de divulgación.
`,
    },
    home: {
      title: `Seguridad de ${name}`,
      intro: `Cómo informar en privado de una vulnerabilidad de seguridad en ${name}, y cómo la gestionan los mantenedores.`,
      body: `¿Ha encontrado una vulnerabilidad en ${name}? Lea la [política de seguridad](${policyUrl}) antes de informar de ella: indica a dónde enviar el informe, con qué clave cifrarlo y qué debe incluir.\n`,
    },
    notFound: {
      title: "Página no encontrada",
      body: `No hay ninguna página en esta dirección. La [política de seguridad](${policyUrl}) explica cómo informar de una vulnerabilidad.\n`,
    },
    advisories: {
      title: "Avisos de seguridad",
      intro: `Las vulnerabilidades corregidas en ${name}, de la más reciente a la más antigua, con las versiones afectadas y las que las corrigen.`,
    },
    thanks: {
      title: "Agradecimientos",
      intro: `Las personas que encontraron vulnerabilidades en ${name}, informaron de ellas y ayudaron a corregirlas.`,
    },
    report: {
      title: "Escribir un informe cifrado",
      intro: "Escriba aquí su informe y cífrelo en su navegador con la clave del equipo de seguridad. Nada sale de esta página hasta que usted mismo lo envíe.",
    },
  }),
};
