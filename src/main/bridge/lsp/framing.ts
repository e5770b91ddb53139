// LSP base-protocol framing by hand, so message bodies pass through as the bytes Lean wrote: no decode, no
// re-encode. Lean writes only `Content-Length: N\r\n\r\n<body>`; other headers are skipped as the spec allows.

const HEADER_END = Buffer.from('\r\n\r\n')

export class FramingError extends Error {}

/** Splits a byte stream into message bodies. `push` returns the complete bodies found so far. */
export class ContentLengthReader {
  private chunks: Buffer[] = []
  private buffered = 0
  /** Body length of the message being read, once its header is complete. */
  private bodyLength = -1

  constructor(private readonly maxMessageBytes: number) {}

  /** Bytes held for a message that is not complete yet. */
  get pendingBytes(): number {
    return this.buffered
  }

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk)
    this.buffered += chunk.length
    const out: Buffer[] = []
    for (;;) {
      if (this.bodyLength < 0) {
        const all = this.joined()
        const end = all.indexOf(HEADER_END)
        if (end < 0) {
          if (all.length > 8192) throw new FramingError('An LSP header longer than 8 KiB.')
          return out
        }
        this.bodyLength = parseContentLength(all.subarray(0, end).toString('latin1'))
        if (this.bodyLength > this.maxMessageBytes) throw new FramingError(`A ${this.bodyLength}-byte message exceeds the ${this.maxMessageBytes}-byte limit.`)
        this.take(end + HEADER_END.length)
      }
      if (this.buffered < this.bodyLength) return out
      out.push(this.take(this.bodyLength))
      this.bodyLength = -1
    }
  }

  private joined(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.buffered)]
    return this.chunks[0] ?? Buffer.alloc(0)
  }

  /** Removes and returns the first n bytes; a body inside one chunk is a view, not a copy. */
  private take(n: number): Buffer {
    const first = this.chunks[0]
    let taken: Buffer
    if (first && first.length >= n) {
      taken = first.subarray(0, n)
      if (first.length === n) this.chunks.shift()
      else this.chunks[0] = first.subarray(n)
    } else {
      const all = this.joined()
      taken = all.subarray(0, n)
      this.chunks = all.length === n ? [] : [all.subarray(n)]
    }
    this.buffered -= n
    return taken
  }
}

function parseContentLength(header: string): number {
  for (const line of header.split('\r\n')) {
    const colon = line.indexOf(':')
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === 'content-length') {
      const value = line.slice(colon + 1).trim()
      if (/^\d{1,10}$/.test(value)) return Number(value)
    }
  }
  throw new FramingError(`An LSP header without a valid Content-Length: ${JSON.stringify(header.slice(0, 80))}`)
}

/** The header Lean expects before a body of `bytes` UTF-8 bytes. */
export function contentLengthHeader(bytes: number): Buffer {
  return Buffer.from(`Content-Length: ${bytes}\r\n\r\n`, 'latin1')
}
