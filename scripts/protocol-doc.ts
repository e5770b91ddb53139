// Generates the reference sections of docs/protocol.md from src/shared (the API methods, channels, filters,
// error codes and the protocol version), so the document cannot drift from the contract.
//   npm run docs:protocol          rewrites the generated sections in place
//   (test/protocol-doc.test.ts fails when the file differs from what this produces)
import { readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'

export const REPO = resolve(__dirname, '..')
export const DOC_PATH = join(REPO, 'docs/protocol.md')

interface Member {
  name: string
  doc: string
  type: ts.TypeNode | undefined
}

function parse(rel: string): ts.SourceFile {
  const path = join(REPO, rel)
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true)
}

function findInterface(file: ts.SourceFile, name: string): ts.InterfaceDeclaration | undefined {
  return file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name)
}

function docOf(node: ts.Node): string {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? []
  return docs.map((d) => (typeof d.comment === 'string' ? d.comment : ts.getTextOfJSDocComment(d.comment) ?? '')).join(' ').replace(/\s+/g, ' ').trim()
}

function members(decl: ts.InterfaceDeclaration | ts.TypeLiteralNode): Member[] {
  return decl.members.filter(ts.isPropertySignature).map((m) => ({
    name: (ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : m.name.getText()) + (m.questionToken ? '?' : ''),
    doc: docOf(m),
    type: m.type,
  }))
}

function text(node: ts.Node | undefined): string {
  return node ? node.getText().replace(/\s+/g, ' ').replace(/\{ /g, '{ ').trim() : 'unknown'
}

const cell = (s: string) => s.replace(/\|/g, '\\|')
const code = (s: string) => `\`${cell(s)}\``

function methodsSection(api: ts.SourceFile): string {
  const decl = findInterface(api, 'ApiMethods')
  if (!decl) throw new Error('src/shared/api.ts has no interface ApiMethods')
  const rows = members(decl).map((m) => {
    const shape = m.type && ts.isTypeLiteralNode(m.type) ? members(m.type) : []
    const params = text(shape.find((x) => x.name === 'params')?.type)
    const result = text(shape.find((x) => x.name === 'result')?.type)
    return `| ${code(m.name)} | ${code(params)} | ${code(result)} | ${cell(m.doc)} |`
  })
  return ['| method | params | result | notes |', '|---|---|---|---|', ...rows].join('\n')
}

function channelsSection(channels: ts.SourceFile): string {
  const payloads = findInterface(channels, 'ChannelPayloads')
  const filters = findInterface(channels, 'ChannelFilters')
  if (!payloads || !filters) throw new Error('src/shared/channels.ts lacks ChannelPayloads or ChannelFilters')
  const filterOf = new Map(members(filters).map((m) => [m.name, text(m.type)]))
  const out: string[] = []
  for (const ch of members(payloads)) {
    const typeName = text(ch.type)
    out.push(`### \`${ch.name}\``, '', `Payload \`${typeName}\`; filter \`${filterOf.get(ch.name) ?? '{}'}\`.`, '')
    const decl = findInterface(channels, typeName)
    if (decl) {
      out.push('| field | type | meaning |', '|---|---|---|')
      for (const f of members(decl)) out.push(`| ${code(f.name)} | ${code(text(f.type))} | ${cell(f.doc)} |`)
      out.push('')
    }
  }
  return out.join('\n').trimEnd()
}

function errorsSection(api: ts.SourceFile): string {
  const stmt = api.statements.find(
    (s): s is ts.VariableStatement => ts.isVariableStatement(s) && s.declarationList.declarations[0]?.name.getText() === 'LecternErrorCodes',
  )
  const init = stmt?.declarationList.declarations[0].initializer
  const literal = init && ts.isAsExpression(init) ? init.expression : init
  if (!literal || !ts.isObjectLiteralExpression(literal)) throw new Error('src/shared/api.ts has no LecternErrorCodes object')
  const rows = literal.properties.filter(ts.isPropertyAssignment).map((p) => `| ${p.initializer.getText()} | ${code(p.name.getText())} | ${cell(docOf(p))} |`)
  return ['| code | name | meaning |', '|---|---|---|', ...rows].join('\n')
}

function versionOf(api: ts.SourceFile): string {
  const m = /export const PROTOCOL_VERSION = (\d+)/.exec(api.getFullText())
  if (!m) throw new Error('src/shared/api.ts has no PROTOCOL_VERSION')
  return m[1]
}

/** The generated sections, by marker name. */
export function generatedSections(): Record<string, string> {
  const api = parse('src/shared/api.ts')
  const channels = parse('src/shared/channels.ts')
  return {
    version: `Protocol version: **${versionOf(api)}** (\`PROTOCOL_VERSION\` in \`src/shared/api.ts\`; \`/health\` reports it as \`protocol\`).`,
    methods: methodsSection(api),
    channels: channelsSection(channels),
    errors: errorsSection(api),
  }
}

/** The document with every `<!-- generated:NAME -->…<!-- /generated -->` block filled from src/shared. */
export function renderDoc(current: string): string {
  const sections = generatedSections()
  const seen = new Set<string>()
  const out = current.replace(/<!-- generated:(\w+) -->[\s\S]*?<!-- \/generated -->/g, (_all, name: string) => {
    if (!(name in sections)) throw new Error(`docs/protocol.md has an unknown generated block '${name}'`)
    seen.add(name)
    return `<!-- generated:${name} -->\n${sections[name]}\n<!-- /generated -->`
  })
  const missing = Object.keys(sections).filter((n) => !seen.has(n))
  if (missing.length) throw new Error(`docs/protocol.md lacks the generated blocks: ${missing.join(', ')}`)
  return out
}

if (require.main === module) {
  writeFileSync(DOC_PATH, renderDoc(readFileSync(DOC_PATH, 'utf8')))
  console.log(`Wrote ${DOC_PATH}`)
}
