import { discover } from './dist/index.js';
const show = (r) => { const d = discover(r); console.log('>>', r.replace(/\n/g,' / ')); for (const e of d.entities) console.log('  ', e.name, e.fields.map(f => `${f.name}:${f.type}${f.references?'>'+f.references:''}${f.required?'':'?'}`).join(' ')); if (d.openQuestions.length) console.log('   Q:', d.openQuestions.join(' | ')); };
for (const r of process.argv.slice(2)) show(r);
