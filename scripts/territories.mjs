// Builds src/main/resources/org/veille/territory/gazetteer.tsv from the Code officiel
// géographique as packaged by @etalab/decoupage-administratif (run through scripts/territories).
//
// From the package: the communes (INSEE code, name, département, postal codes, delegated former
// communes) and the membership of the établissements publics territoriaux (INSEE's list of EPTs,
// data/ept.json). Paris is not an EPT: it is territory T1 on its own.
// Written here by hand, because no official file carries them: the T numbers of the territories
// (the numbering of the décrets of 11 December 2015 that created them, used by the Métropole), the
// short forms people write, landmarks that sit inside a commune, and names of places outside the
// Métropole that look like names inside it.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const [, , pkgDir, out] = process.argv
const data = (f) => JSON.parse(readFileSync(join(pkgDir, 'data', f), 'utf8'))
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
const communes = data('communes.json')
const epts = data('ept.json')
const departements = data('departements.json')

// SIREN of each EPT -> its number in the Métropole.
const NUMBER = {
  '200057966': 'T2', // Vallée Sud-Grand Paris
  '200057974': 'T3', // Grand Paris Seine Ouest
  '200057982': 'T4', // Paris Ouest La Défense
  '200057990': 'T5', // Boucle Nord de Seine
  '200057867': 'T6', // Plaine Commune
  '200058097': 'T7', // Paris Terres d'Envol
  '200057875': 'T8', // Est Ensemble
  '200058790': 'T9', // Grand Paris Grand Est
  '200057941': 'T10', // Paris Est Marne et Bois
  '200058006': 'T11', // Grand Paris Sud Est Avenir
  '200058014': 'T12', // Grand-Orly Seine Bièvre
}

const TERRITORY_ALIASES = {
  T2: ['Vallée Sud Grand Paris', 'VSGP'],
  T3: ['GPSO'],
  T4: ['POLD'],
  T5: ['Boucle Nord'],
  T7: ['Terres d\'Envol'],
  T9: ['GPGE'],
  T10: ['Paris Est Marne & Bois', 'ParisEstMarne&Bois', 'PEMB'],
  T11: ['GPSEA'],
  T12: ['Grand Orly Seine Bièvre', 'GOSB', 'Grand-Orly Seine-Bièvre'],
}

const DEPARTEMENT_ALIASES = {
  75: ['Ville de Paris'],
  91: ['Essonniens', 'Essonnien', 'Essonnienne'],
  92: ['Altoséquanais', 'Altoséquanaise', 'Altoséquanaises'],
  93: ['Séquano-Dionysien', 'Séquano-Dionysienne', 'Séquano-Dionysiens', 'Séquano-Dionysiennes',
    'Sequano-Dionysien', 'neuf-trois', 'Seine-St-Denis'],
  94: ['Val-de-Marnais', 'Val-de-Marnaise', 'Val-de-Marnaises'],
  95: ['Valdoisien', 'Valdoisiens', 'Valdoisienne', 'Val d\'Oise'],
}

// Short forms and landmarks, by INSEE code. A short form that is also the start of a place
// outside the Métropole is still fine: the tagger lets the longer name win.
const ALIASES = {
  75056: ['Paris intra-muros', 'Ville de Paris', 'mairie de Paris', 'bois de Vincennes',
    'bois de Boulogne', 'porte de Montreuil', 'porte de Bagnolet', 'porte de Vincennes',
    'porte de Clichy', 'porte de Saint-Ouen', 'porte de Clignancourt', 'porte de la Chapelle',
    'porte d\'Aubervilliers', 'porte de la Villette', 'porte de Pantin', 'porte des Lilas',
    'porte de Charenton', 'porte d\'Ivry', 'porte de Choisy', 'porte d\'Italie',
    'porte de Gentilly', 'porte d\'Orléans', 'porte de Vanves', 'porte de Versailles',
    'porte de Saint-Cloud', 'porte d\'Auteuil', 'porte Maillot', 'porte de Bercy',
    'place de Clichy', 'boulevard de Clichy', 'avenue de Clichy', 'gare du Nord', 'gare de l\'Est',
    'gare de Lyon', 'gare Montparnasse', 'gare Saint-Lazare', 'parc de la Villette',
    'Hôtel de Ville de Paris', 'Paris Centre', 'Paris-Centre'],
  93066: ['Pierrefitte-sur-Seine', 'Pierrefitte', 'Saint-Denis Pleyel', 'Stade de France',
    'La Plaine Saint-Denis', 'basilique de Saint-Denis', 'Saint-Denis (93)', 'université Paris 8',
    'université Paris-8', 'Paris 8 Vincennes-Saint-Denis'],
  93070: ['Saint-Ouen', 'Saint-Ouen (93)'],
  93048: ['Montreuil-sous-Bois', 'Montreuil (93)'],
  93027: ['Courneuve'],
  93039: ['Île-Saint-Denis'],
  93045: ['Lilas'],
  93061: ['Pré-Saint-Gervais'],
  93007: ['Blanc-Mesnil'],
  93013: ['Bourget', 'Paris-Le Bourget', 'aéroport du Bourget'],
  93062: ['Raincy'],
  93005: ['Aulnay'],
  93046: ['Livry'],
  93073: ['Tremblay'],
  93078: ['Paris Nord Villepinte', 'Paris-Nord Villepinte', 'parc des expositions de Villepinte'],
  93051: ['Noisy-le-Grand'],
  93064: ['Rosny'],
  92012: ['Boulogne', 'Billancourt'],
  92040: ['Issy'],
  92044: ['Levallois'],
  92063: ['Rueil'],
  92024: ['Clichy-la-Garenne', 'Clichy (92)'],
  92004: ['Asnières'],
  92035: ['Garenne-Colombes'],
  92060: ['Plessis-Robinson'],
  92019: ['Châtenay'],
  92051: ['Neuilly-sur-Seine'],
  94068: ['Saint-Maur'],
  94017: ['Champigny'],
  94046: ['Maisons-Alfort'],
  94018: ['Charenton'],
  94042: ['Joinville'],
  94058: ['Perreux-sur-Marne', 'Le Perreux', 'Perreux'],
  94059: ['Plessis-Trévise'],
  94060: ['Queue-en-Brie'],
  94071: ['Sucy'],
  94079: ['Villiers-sur-Marne'],
  94080: ['château de Vincennes'],
  94081: ['Vitry'],
  94041: ['Ivry'],
  94022: ['Choisy'],
  94038: ['Haÿ-les-Roses', 'L\'Haÿ', 'L\'Hay-les-Roses'],
  94043: ['Kremlin-Bicêtre'],
  94028: ['université Paris-Est Créteil', 'UPEC'],
  94054: ['aéroport d\'Orly', 'Paris-Orly', 'aéroport Paris-Orly'],
  94065: ['marché de Rungis', 'MIN de Rungis'],
  94078: ['Villeneuve-St-Georges'],
  94052: ['Nogent'],
  94055: ['Ormesson'],
  94019: ['Chennevières'],
  94033: ['Fontenay-sous-Bois'],
  92032: ['Fontenay-aux-Roses'],
  91326: ['Juvisy'],
  91687: ['Viry'],
  91027: ['Athis'],
  91479: ['Paray'],
}

// Places outside the Métropole whose names start like a commune inside it. The code, when given,
// is the commune they are confused with: an item that names them and nothing else of that
// commune's département is not about it.
const OUTSIDE = [
  ['93048', 'Montreuil-sur-Mer', ['Montreuil-Bellay', 'Montreuil-Juigné', 'Montreuil-sous-Pérouse', 'Montreuil-l\'Argillé', 'Pas-de-Calais', 'Côte d\'Opale']],
  ['93070', 'Saint-Ouen-l\'Aumône', ['Saint-Ouen-l\'Aumone', 'Saint-Ouen-de-Thouberville', 'Saint-Ouen-en-Brie', 'Cergy-Pontoise']],
  ['93066', 'Saint-Denis de La Réunion', ['Saint-Denis-de-la-Réunion', 'Saint-Denis (974)', 'Saint-Denis 974', 'La Réunion', 'île de La Réunion', 'Réunionnais', 'Réunionnaise', 'Réunionnaises', 'Saint-Denis-en-Val', 'Saint-Denis-lès-Bourg', 'Saint-Denis-d\'Oléron', 'Saint-Denis-d\'Anjou']],
  ['92012', 'Boulogne-sur-Mer', ['Boulogne-sur-Gesse']],
  ['94052', 'Nogent-sur-Oise', ['Nogent-sur-Seine', 'Nogent-le-Rotrou', 'Nogent-sur-Vernisson', 'Nogent-l\'Artaud']],
  ['94081', 'Vitry-le-François', ['Vitry-sur-Orne', 'Vitry-en-Artois', 'Vitry-aux-Loges']],
  ['93064', 'Rosny-sur-Seine', []],
  ['94041', 'Ivry-la-Bataille', ['Ivry-en-Montagne']],
  ['94022', 'Choisy-au-Bac', ['Choisy-en-Brie']],
  ['94034', 'Fresnes-sur-Marne', ['Fresnes-sur-Escaut', 'Fresnes-en-Woëvre']],
  ['94017', 'Champigny-sur-Veude', []],
  ['94042', 'Joinville (Haute-Marne)', ['Haute-Marne']],
  ['', 'Grand Paris Sud', ['Grand Paris Sud Seine-Essonne-Sénart', 'Grand Paris Seine & Oise', 'Grand Paris Seine et Oise', 'GPS&O', 'GPSEO']],
  ['', 'Grand Paris', ['Métropole du Grand Paris', 'Grand Paris Express', 'Société du Grand Paris', 'Société des grands projets', 'Grand Paris Aménagement', 'Grand Paris Habitat', 'Forum métropolitain du Grand Paris']],
  ['', 'Paris 2024', ['Jeux de Paris 2024', 'Paris-2024', 'Paris 2030', 'Paris Saint-Germain', 'Paris SG', 'Paris-Saclay', 'Paris Saclay', 'Paris-Charles-de-Gaulle', 'Paris-Charles de Gaulle', 'Paris-Beauvais', 'Paris Nord 2', 'Paris-Nord 2', 'Disneyland Paris', 'Paris Vallée de la Marne', 'Paris-Vallée de la Marne', 'Roissy Pays de France', 'Porte de Paris', 'Aéroports de Paris', 'rue de Paris', 'avenue de Paris', 'route de Paris', 'boulevard de Paris', 'Paris Est', 'Paris-Est', 'Paris La Défense', 'accord de Paris', 'Accords de Paris', 'Paris Match']],
]

const clean = (s) => s.includes('\t') || s.includes('\n') ? fail(`bad character in ${s}`) : s
const list = (names) => names.map((n) => n.includes('|') ? fail(`bad character in ${n}`) : n).join('|')
function fail (m) { throw new Error(m) }

const rows = []
const members = new Map([['75056', 'T1']])
const territories = [['T1', 'Paris']]
for (const e of epts) {
  const t = NUMBER[e.code] || fail(`EPT ${e.code} ${e.nom} has no number in the table`)
  territories.push([t, e.nom])
  for (const m of e.membres) members.set(m.code, t)
}
territories.sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)))
const current = new Map(communes.filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]))
const former = new Map()
for (const c of communes) {
  if ((c.type === 'commune-deleguee' || c.type === 'commune-associee') && c.chefLieu !== c.code &&
      members.has(c.chefLieu)) {
    former.set(c.chefLieu, (former.get(c.chefLieu) || []).concat(c.nom))
  }
}
const depts = new Set([...members.keys()].map((k) => current.get(k).departement))
const postal = new Map()
for (const code of members.keys()) {
  for (const p of current.get(code).codesPostaux || []) postal.set(p, (postal.get(p) || 0) + 1)
}

for (const d of departements.filter((d) => depts.has(d.code)).sort((a, b) => a.code.localeCompare(b.code))) {
  rows.push(['departement', d.code, d.nom, '', '', list(DEPARTEMENT_ALIASES[d.code] || []), ''])
}
for (const [t, name] of territories) {
  rows.push(['territory', t, name, '', '', list(TERRITORY_ALIASES[t] || []), ''])
}
const codes = [...members.keys()].sort()
for (const code of codes) {
  const c = current.get(code) || fail(`commune ${code} is not current in the COG`)
  const aliases = [...new Set([...(former.get(code) || []), ...(ALIASES[code] || [])])]
  // postal codes shared by two communes name neither
  const own = (c.codesPostaux || []).filter((p) => postal.get(p) === 1)
  rows.push(['commune', code, c.nom, c.departement, members.get(code), list(aliases), list(own)])
}
for (const code of Object.keys(ALIASES)) if (!members.has(code)) fail(`alias for ${code}, not a member`)
for (const [code, name, aliases] of OUTSIDE) {
  rows.push(['outside', code, name, '', '', list(aliases), ''])
}

const head = `# Gazetteer of the Métropole du Grand Paris: ${codes.length} communes, ${territories.length} territories, ${depts.size} départements.
# Generated by scripts/territories from the Code officiel géographique (INSEE) as packaged in
# ${pkg.name} ${pkg.version} (communes.json: codes, names, départements, postal codes, delegated
# former communes; ept.json: INSEE's list of établissements publics territoriaux and their members).
# By hand, in scripts/territories.mjs: the numbers T1 (Paris) to T12 (the numbering of the décrets of
# 11 December 2015 that created the territories, as the Métropole uses it), short forms, landmarks
# and the names of places outside the Métropole ("outside" rows tag nothing).
# One row per place, tab-separated; aliases and postal codes are separated by "|".
kind\tcode\tname\tdepartement\tterritory\taliases\tpostal_codes
`
writeFileSync(out, head + rows.map((r) => r.map(clean).join('\t')).join('\n') + '\n')
console.log(`wrote ${out}: ${codes.length} communes, ${territories.length} territories, ${depts.size} départements`)
