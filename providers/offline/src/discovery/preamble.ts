import { templateIn } from './template-lookup.js';
import { stripDeterminers } from './text.js';

const POLITE =
  /^(?:(?:please|hi|hello|hey|ok|okay|so|now)(?:\s+(?:there|all|folks|everyone|team|guys))?\b[\s,!]*)+/i;
const ASK =
  /^(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?|(?:i|we)(?:'d|\s+would)?\s+(?:like|want|need)\s+(?:you\s+)?(?:to\s+)?|(?:i'm|we're|i\s+am|we\s+are)\s+(?:building|making|creating|writing)\s+|help\s+me\s+(?:to\s+)?|let's\s+)/i;
const VERB =
  /^(?:create|build|make|generate|write|design|implement|develop|set\s+up|setup|scaffold|code|give\s+me|produce|spin\s+up|need|want)\b\s*(?:(?:me|us)\s+)?/i;
const API =
  /^(?:(?:an?|the|my|our|some)\s+)?(?:(?:simple|small|basic|minimal|new|tiny|quick|full|complete|little|typescript|node(?:\.js)?|json|http|web|crud|rest(?:ful)?)\s+)*(?:api|backend|back-end|back\s+end|service|server|web\s?service|app|application|system|platform|crud)s?(?:\s+(?:for|to\s+(?:manage|track|handle|store|keep\s+track\s+of|organi[sz]e|run|support)|that\s+(?:manages|tracks|handles|stores)|managing|tracking|handling|storing|about|around|with|where)\s+|\s*[:,.;!?]\s*|\s*$)/i;

// The request without its opening command ("Create a REST API for"), and whether it had one.
export function stripCommand(text: string): { rest: string; commanded: boolean } {
  let rest = text.replace(POLITE, '').replace(ASK, '');
  const verb = VERB.exec(rest);
  if (verb !== null) rest = rest.slice(verb[0].length);
  const found = API.exec(rest);
  // Without a command verb, only an explicit "API"/"backend" opens the request ("Services: …" does not).
  const api = found !== null && (verb !== null || /api|back[\s-]?end/i.test(found[0])) ? found : null;
  if (api !== null) rest = rest.slice(api[0].length);
  return { rest: rest.trim(), commanded: verb !== null || api !== null };
}

const GERUND =
  /^(?:to\s+)?(?:manage|managing|track|tracking|handle|handling|store|storing|keep\s+track\s+of|keeping\s+track\s+of|organi[sz]e|organi[sz]ing)\s+/i;
const ADJECTIVES = /^(?:(?:simple|small|basic|minimal|new|tiny|quick|little|complete|full)\s+)+(?=\S)/i;
const TRAILING_GENERIC =
  /(?:^|\s+)(?:rest(?:ful)?\s+)?(?:api|backend|back-end|app|application|system|service|server|platform|tool|website|site|software|program)s?$/i;
const SUBORDINATE =
  /\s+(?:where|that|which|who|so|to\s+help|to\s+let|using|with|in\s+which|whereby|because)\s+/i;

export const stripGerund = (phrase: string): string => phrase.replace(GERUND, '');

// The opening clause and the rest: `a blog where users write posts` → `a blog`, `users write posts`.
export function cutSubordinate(sentence: string): { head: string; tail: string } {
  const cut = SUBORDINATE.exec(sentence);
  if (cut === null) return { head: sentence, tail: '' };
  return { head: sentence.slice(0, cut.index), tail: sentence.slice(cut.index + cut[0].length) };
}

// `A simple todo list app` → `todo list`.
export const cleanDomain = (phrase: string): string =>
  stripDeterminers(stripGerund(phrase.trim()))
    .toLowerCase()
    .replace(ADJECTIVES, '')
    .replace(/\s+(?:please|thanks|thank\s+you)$/, '')
    .replace(TRAILING_GENERIC, '')
    .trim();

const DOMAIN_WORD =
  /(?:^|\s)(?:app|application|system|platform|service|site|website|portal|tool|dashboard|api|backend|tracker|manager|management|software|program|register|registry|module|engine|organi[sz]er|planner)$/i;

// A phrase that names a whole application rather than one kind of record.
export const isDomainPhrase = (phrase: string): boolean =>
  templateIn(phrase) !== undefined || DOMAIN_WORD.test(phrase.trim());

const DOMAIN_NOUN =
  /^(.+?)\s+(?:tracker|tracking|manager|management|log|logger|list|catalog|catalogue|registry|planner|organi[sz]er|directory|database)$/i;

// `habit tracker` → `habit`: the record a domain is about, when its name says so.
export const domainNoun = (domain: string): string | undefined => DOMAIN_NOUN.exec(domain)?.[1];
