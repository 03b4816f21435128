// base64gzip's bytes: Go's compress/gzip writer at the default level, byte for byte. OpenTofu writes
// the string, flushes (a sync flush: an empty stored block) and closes (an empty final stored
// block), and Go's compress/flate compressor chooses its own matches and Huffman codes, so zlib's
// output (same data, other bytes) would be a different value. This is a port of Go's
// compress/flate (deflate.go at level 6, huffman_bit_writer.go, huffman_code.go, token.go) and the
// gzip header and trailer of compress/gzip (mtime 0, OS 255).

const windowSize = 1 << 15;
const windowMask = windowSize - 1;
const baseMatchLength = 3;
const minMatchLength = 4;
const maxMatchLength = 258;
const baseMatchOffset = 1;
const maxFlateBlockTokens = 1 << 14;
const maxStoreBlockSize = 65535;
const hashBits = 17;
const hashSize = 1 << hashBits;
const hashMask = hashSize - 1;
const maxHashOffset = 1 << 24;
// Level 6: good 8, lazy 16, nice 128, chain 128, fastSkipHashing never.
const GOOD = 8;
const LAZY = 16;
const NICE = 128;
const CHAIN = 128;

const maxNumLit = 286;
const offsetCodeCount = 30;
const endBlockMarker = 256;
const lengthCodesStart = 257;
const codegenCodeCount = 19;
const badCode = 255;

const lengthExtraBits = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const lengthBase = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 255];
const offsetExtraBits = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const offsetBase = [
  0x000000, 0x000001, 0x000002, 0x000003, 0x000004, 0x000006, 0x000008, 0x00000c, 0x000010, 0x000018, 0x000020, 0x000030, 0x000040, 0x000060, 0x000080, 0x0000c0,
  0x000100, 0x000180, 0x000200, 0x000300, 0x000400, 0x000600, 0x000800, 0x000c00, 0x001000, 0x001800, 0x002000, 0x003000, 0x004000, 0x006000,
];
const codegenOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** token.go's lengthCodes and offsetCodes, computed from the bases. */
const lengthCodes = new Uint8Array(256);
for (let code = 0; code < 29; code++) {
  const end = code === 28 ? 256 : lengthBase[code + 1]!;
  for (let l = lengthBase[code]!; l < end; l++) lengthCodes[l] = code;
}
lengthCodes[255] = 28;
const offsetCodes = new Uint8Array(256);
for (let code = 0; code < 16; code++) {
  const end = code === 15 ? 256 : offsetBase[code + 1]!;
  for (let o = offsetBase[code]!; o < end; o++) offsetCodes[o] = code;
}
function offsetCode(off: number): number {
  if (off < 256) return offsetCodes[off]!;
  if (off >> 7 < 256) return offsetCodes[off >> 7]! + 14;
  return offsetCodes[off >> 14]! + 28;
}

// Tokens: a literal is its byte; a match is (1 << 30) + (length - 3) << 22 + (offset - 1).
const MATCH = 1 << 30;
const matchToken = (xlength: number, xoffset: number): number => MATCH + xlength * (1 << 22) + xoffset;
const tokLength = (t: number): number => Math.floor((t - MATCH) / (1 << 22));
const tokOffset = (t: number): number => (t - MATCH) % (1 << 22);

function reverseBits(n: number, len: number): number {
  let r = 0;
  for (let i = 0; i < len; i++) r |= ((n >> i) & 1) << (len - 1 - i);
  return r;
}

interface HCode {
  code: number;
  len: number;
}

class HuffmanEncoder {
  codes: HCode[];
  constructor(size: number) {
    this.codes = Array.from({ length: size }, () => ({ code: 0, len: 0 }));
  }

  bitLength(freq: Int32Array): number {
    let total = 0;
    for (let i = 0; i < freq.length; i++) if (freq[i] !== 0) total += freq[i]! * this.codes[i]!.len;
    return total;
  }

  /** huffman_code.go bitCounts: package-merge over levels. */
  private bitCounts(list: Array<{ literal: number; freq: number }>, maxBitsIn: number): number[] {
    const n = list.length;
    const l = [...list, { literal: 0xffff, freq: 0x7fffffff }];
    let maxBits = maxBitsIn;
    if (maxBits > n - 1) maxBits = n - 1;
    const MAX = 0x7fffffff;
    const levels = Array.from({ length: 16 }, () => ({ level: 0, lastFreq: 0, nextCharFreq: 0, nextPairFreq: 0, needed: 0 }));
    const leafCounts = Array.from({ length: 16 }, () => new Array<number>(16).fill(0));
    for (let level = 1; level <= maxBits; level++) {
      levels[level] = { level, lastFreq: l[1]!.freq, nextCharFreq: l[2]!.freq, nextPairFreq: l[0]!.freq + l[1]!.freq, needed: 0 };
      leafCounts[level]![level] = 2;
      if (level === 1) levels[level]!.nextPairFreq = MAX;
    }
    levels[maxBits]!.needed = 2 * n - 4;
    let level = maxBits;
    for (;;) {
      const lv = levels[level]!;
      if (lv.nextPairFreq === MAX && lv.nextCharFreq === MAX) {
        lv.needed = 0;
        levels[level + 1]!.nextPairFreq = MAX;
        level++;
        continue;
      }
      const prevFreq = lv.lastFreq;
      if (lv.nextCharFreq < lv.nextPairFreq) {
        const c = leafCounts[level]![level]! + 1;
        lv.lastFreq = lv.nextCharFreq;
        leafCounts[level]![level] = c;
        lv.nextCharFreq = l[c]!.freq;
      } else {
        lv.lastFreq = lv.nextPairFreq;
        for (let i = 0; i < level; i++) leafCounts[level]![i] = leafCounts[level - 1]![i]!;
        levels[lv.level - 1]!.needed = 2;
      }
      lv.needed--;
      if (lv.needed === 0) {
        if (lv.level === maxBits) break;
        levels[lv.level + 1]!.nextPairFreq = prevFreq + lv.lastFreq;
        level++;
      } else {
        while (levels[level - 1]!.needed > 0) level--;
      }
    }
    if (leafCounts[maxBits]![maxBits] !== n) throw new Error('flate: leafCounts[maxBits][maxBits] != n');
    const bitCount = new Array<number>(maxBits + 1).fill(0);
    let bits = 1;
    const counts = leafCounts[maxBits]!;
    for (let lvl = maxBits; lvl > 0; lvl--) {
      bitCount[bits] = counts[lvl]! - counts[lvl - 1]!;
      bits++;
    }
    return bitCount;
  }

  private assignEncodingAndSize(bitCount: number[], listIn: Array<{ literal: number; freq: number }>): void {
    let code = 0;
    let list = listIn;
    for (let n = 0; n < bitCount.length; n++) {
      const bits = bitCount[n]!;
      code = (code << 1) & 0xffff;
      if (n === 0 || bits === 0) continue;
      const chunk = list.slice(list.length - bits).sort((a, b) => a.literal - b.literal);
      for (const node of chunk) {
        this.codes[node.literal] = { code: reverseBits(code, n), len: n };
        code = (code + 1) & 0xffff;
      }
      list = list.slice(0, list.length - bits);
    }
  }

  generate(freq: Int32Array, maxBits: number): void {
    const list: Array<{ literal: number; freq: number }> = [];
    for (let i = 0; i < freq.length; i++) {
      if (freq[i] !== 0) list.push({ literal: i, freq: freq[i]! });
      else this.codes[i]!.len = 0;
    }
    if (list.length <= 2) {
      list.forEach((node, i) => (this.codes[node.literal] = { code: i, len: 1 }));
      return;
    }
    list.sort((a, b) => (a.freq === b.freq ? a.literal - b.literal : a.freq - b.freq));
    this.assignEncodingAndSize(this.bitCounts(list, maxBits), list);
  }
}

function fixedLiteralEncoding(): HuffmanEncoder {
  const h = new HuffmanEncoder(maxNumLit);
  for (let ch = 0; ch < maxNumLit; ch++) {
    let bits: number;
    let size: number;
    if (ch < 144) [bits, size] = [ch + 48, 8];
    else if (ch < 256) [bits, size] = [ch + 400 - 144, 9];
    else if (ch < 280) [bits, size] = [ch - 256, 7];
    else [bits, size] = [ch + 192 - 280, 8];
    h.codes[ch] = { code: reverseBits(bits, size), len: size };
  }
  return h;
}

function fixedOffsetEncoding(): HuffmanEncoder {
  const h = new HuffmanEncoder(30);
  for (let ch = 0; ch < 30; ch++) h.codes[ch] = { code: reverseBits(ch, 5), len: 5 };
  return h;
}

const FIXED_LIT = fixedLiteralEncoding();
const FIXED_OFF = fixedOffsetEncoding();

class BitWriter {
  readonly out: number[] = [];
  private bits = 0n;
  private nbits = 0;
  private readonly literalFreq = new Int32Array(maxNumLit);
  private readonly offsetFreq = new Int32Array(offsetCodeCount);
  private readonly codegen = new Uint8Array(maxNumLit + offsetCodeCount + 1);
  private readonly codegenFreq = new Int32Array(codegenCodeCount);
  private readonly literalEncoding = new HuffmanEncoder(maxNumLit);
  private readonly offsetEncoding = new HuffmanEncoder(offsetCodeCount);
  private readonly codegenEncoding = new HuffmanEncoder(codegenCodeCount);

  /** The buffered bytes are written as they fill; the order of bytes is all that matters here. */
  private emitWhole(): void {
    while (this.nbits >= 8) {
      this.out.push(Number(this.bits & 0xffn));
      this.bits >>= 8n;
      this.nbits -= 8;
    }
  }

  flush(): void {
    this.emitWhole();
    if (this.nbits > 0) {
      this.out.push(Number(this.bits & 0xffn));
      this.bits = 0n;
      this.nbits = 0;
    }
  }

  writeBits(b: number, nb: number): void {
    this.bits |= BigInt(b >>> 0) << BigInt(this.nbits);
    this.nbits += nb;
    if (this.nbits >= 48) this.emitWhole();
  }

  private writeCode(c: HCode): void {
    this.writeBits(c.code, c.len);
  }

  writeBytes(bytes: Uint8Array): void {
    if (this.nbits & 7) throw new Error('flate: writeBytes with unfinished bits');
    this.emitWhole();
    for (const b of bytes) this.out.push(b);
  }

  private generateCodegen(numLiterals: number, numOffsets: number, litEnc: HuffmanEncoder, offEnc: HuffmanEncoder): void {
    this.codegenFreq.fill(0);
    const codegen = this.codegen;
    for (let i = 0; i < numLiterals; i++) codegen[i] = litEnc.codes[i]!.len;
    for (let i = 0; i < numOffsets; i++) codegen[numLiterals + i] = offEnc.codes[i]!.len;
    codegen[numLiterals + numOffsets] = badCode;
    let size = codegen[0]!;
    let count = 1;
    let outIndex = 0;
    for (let inIndex = 1; size !== badCode; inIndex++) {
      const nextSize = codegen[inIndex]!;
      if (nextSize === size) {
        count++;
        continue;
      }
      if (size !== 0) {
        codegen[outIndex++] = size;
        this.codegenFreq[size]!++;
        count--;
        while (count >= 3) {
          const n = Math.min(6, count);
          codegen[outIndex++] = 16;
          codegen[outIndex++] = n - 3;
          this.codegenFreq[16]!++;
          count -= n;
        }
      } else {
        while (count >= 11) {
          const n = Math.min(138, count);
          codegen[outIndex++] = 18;
          codegen[outIndex++] = n - 11;
          this.codegenFreq[18]!++;
          count -= n;
        }
        if (count >= 3) {
          codegen[outIndex++] = 17;
          codegen[outIndex++] = count - 3;
          this.codegenFreq[17]!++;
          count = 0;
        }
      }
      count--;
      for (; count >= 0; count--) {
        codegen[outIndex++] = size;
        this.codegenFreq[size]!++;
      }
      size = nextSize;
      count = 1;
    }
    codegen[outIndex] = badCode;
  }

  private dynamicSize(litEnc: HuffmanEncoder, offEnc: HuffmanEncoder, extraBits: number): [number, number] {
    let numCodegens = this.codegenFreq.length;
    while (numCodegens > 4 && this.codegenFreq[codegenOrder[numCodegens - 1]!] === 0) numCodegens--;
    const header = 3 + 5 + 5 + 4 + 3 * numCodegens + this.codegenEncoding.bitLength(this.codegenFreq) + this.codegenFreq[16]! * 2 + this.codegenFreq[17]! * 3 + this.codegenFreq[18]! * 7;
    return [header + litEnc.bitLength(this.literalFreq) + offEnc.bitLength(this.offsetFreq) + extraBits, numCodegens];
  }

  private fixedSize(extraBits: number): number {
    return 3 + FIXED_LIT.bitLength(this.literalFreq) + FIXED_OFF.bitLength(this.offsetFreq) + extraBits;
  }

  private writeDynamicHeader(numLiterals: number, numOffsets: number, numCodegens: number, isEof: boolean): void {
    this.writeBits(isEof ? 5 : 4, 3);
    this.writeBits(numLiterals - 257, 5);
    this.writeBits(numOffsets - 1, 5);
    this.writeBits(numCodegens - 4, 4);
    for (let i = 0; i < numCodegens; i++) this.writeBits(this.codegenEncoding.codes[codegenOrder[i]!]!.len, 3);
    let i = 0;
    for (;;) {
      const codeWord = this.codegen[i++]!;
      if (codeWord === badCode) break;
      this.writeCode(this.codegenEncoding.codes[codeWord]!);
      if (codeWord === 16) this.writeBits(this.codegen[i++]!, 2);
      else if (codeWord === 17) this.writeBits(this.codegen[i++]!, 3);
      else if (codeWord === 18) this.writeBits(this.codegen[i++]!, 7);
    }
  }

  writeStoredHeader(length: number, isEof: boolean): void {
    this.writeBits(isEof ? 1 : 0, 3);
    this.flush();
    this.writeBits(length, 16);
    this.writeBits(~length & 0xffff, 16);
  }

  private indexTokens(tokens: number[]): [number, number] {
    this.literalFreq.fill(0);
    this.offsetFreq.fill(0);
    for (const t of tokens) {
      if (t < MATCH) {
        this.literalFreq[t]!++;
        continue;
      }
      this.literalFreq[lengthCodesStart + lengthCodes[tokLength(t)]!]!++;
      this.offsetFreq[offsetCode(tokOffset(t))]!++;
    }
    let numLiterals = this.literalFreq.length;
    while (this.literalFreq[numLiterals - 1] === 0) numLiterals--;
    let numOffsets = this.offsetFreq.length;
    while (numOffsets > 0 && this.offsetFreq[numOffsets - 1] === 0) numOffsets--;
    if (numOffsets === 0) {
      this.offsetFreq[0] = 1;
      numOffsets = 1;
    }
    this.literalEncoding.generate(this.literalFreq, 15);
    this.offsetEncoding.generate(this.offsetFreq, 15);
    return [numLiterals, numOffsets];
  }

  /** huffmanBitWriter.writeBlock: stored, fixed or dynamic, whichever is smallest. */
  writeBlock(tokensIn: number[], eof: boolean, input: Uint8Array | undefined): void {
    const tokens = [...tokensIn, endBlockMarker];
    const [numLiterals, numOffsets] = this.indexTokens(tokens);
    let extraBits = 0;
    const storable = input !== undefined && input.length <= maxStoreBlockSize;
    const storedSize = storable ? (input!.length + 5) * 8 : 0;
    if (storable) {
      for (let lengthCode = lengthCodesStart + 8; lengthCode < numLiterals; lengthCode++) extraBits += this.literalFreq[lengthCode]! * lengthExtraBits[lengthCode - lengthCodesStart]!;
      for (let oc = 4; oc < numOffsets; oc++) extraBits += this.offsetFreq[oc]! * offsetExtraBits[oc]!;
    }
    let literalEncoding = FIXED_LIT;
    let offsetEncoding = FIXED_OFF;
    let size = this.fixedSize(extraBits);
    this.generateCodegen(numLiterals, numOffsets, this.literalEncoding, this.offsetEncoding);
    this.codegenEncoding.generate(this.codegenFreq, 7);
    const [dynamicSize, numCodegens] = this.dynamicSize(this.literalEncoding, this.offsetEncoding, extraBits);
    if (dynamicSize < size) {
      size = dynamicSize;
      literalEncoding = this.literalEncoding;
      offsetEncoding = this.offsetEncoding;
    }
    if (storable && storedSize < size) {
      this.writeStoredHeader(input!.length, eof);
      this.writeBytes(input!);
      return;
    }
    if (literalEncoding === FIXED_LIT) this.writeBits(eof ? 3 : 2, 3);
    else this.writeDynamicHeader(numLiterals, numOffsets, numCodegens, eof);
    for (const t of tokens) {
      if (t < MATCH) {
        this.writeCode(literalEncoding.codes[t]!);
        continue;
      }
      const length = tokLength(t);
      const lc = lengthCodes[length]!;
      this.writeCode(literalEncoding.codes[lc + lengthCodesStart]!);
      if (lengthExtraBits[lc]! > 0) this.writeBits(length - lengthBase[lc]!, lengthExtraBits[lc]!);
      const offset = tokOffset(t);
      const oc = offsetCode(offset);
      this.writeCode(offsetEncoding.codes[oc]!);
      if (offsetExtraBits[oc]! > 0) this.writeBits(offset - offsetBase[oc]!, offsetExtraBits[oc]!);
    }
  }
}

const hashmul = 0x1e35a7bd;
const hash4 = (w: Uint8Array, i: number): number => (Math.imul(w[i + 3]! | (w[i + 2]! << 8) | (w[i + 1]! << 16) | (w[i]! << 24), hashmul) >>> 0) >>> (32 - hashBits);

/** deflate.go's compressor at level 6: write everything, sync flush, close. */
function deflateGo(data: Uint8Array): number[] {
  const w = new BitWriter();
  const window = new Uint8Array(2 * windowSize);
  const hashHead = new Uint32Array(hashSize);
  const hashPrev = new Uint32Array(windowSize);
  let hashOffset = 1;
  let tokens: number[] = [];
  let length = minMatchLength - 1;
  let offset = 0;
  let byteAvailable = false;
  let index = 0;
  let windowEnd = 0;
  let blockStart = 0;
  let chainHead = -1;
  let maxInsertIndex = 0;
  let sync = false;

  const fill = (b: Uint8Array): number => {
    if (index >= 2 * windowSize - (minMatchLength + maxMatchLength)) {
      window.copyWithin(0, windowSize, 2 * windowSize);
      index -= windowSize;
      windowEnd -= windowSize;
      blockStart = blockStart >= windowSize ? blockStart - windowSize : 0x7fffffff;
      hashOffset += windowSize;
      if (hashOffset > maxHashOffset) {
        const delta = hashOffset - 1;
        hashOffset -= delta;
        chainHead -= delta;
        for (let i = 0; i < hashPrev.length; i++) hashPrev[i] = hashPrev[i]! > delta ? hashPrev[i]! - delta : 0;
        for (let i = 0; i < hashHead.length; i++) hashHead[i] = hashHead[i]! > delta ? hashHead[i]! - delta : 0;
      }
    }
    const n = Math.min(b.length, window.length - windowEnd);
    window.set(b.subarray(0, n), windowEnd);
    windowEnd += n;
    return n;
  };

  const writeBlock = (toks: number[], idx: number): void => {
    if (idx > 0) {
      const input = blockStart <= idx ? window.slice(blockStart, idx) : undefined;
      blockStart = idx;
      w.writeBlock(toks, false, input);
    }
  };

  const findMatch = (pos: number, prevHead: number, prevLength: number, lookahead: number): [number, number, boolean] => {
    const minMatchLook = Math.min(maxMatchLength, lookahead);
    const winLen = pos + minMatchLook;
    let nice = winLen - pos;
    if (NICE < nice) nice = NICE;
    let tries = CHAIN;
    let len = prevLength;
    let off = 0;
    let ok = false;
    if (len >= GOOD) tries >>= 2;
    let wEnd = window[pos + len]!;
    const minIndex = pos - windowSize;
    for (let i = prevHead; tries > 0; tries--) {
      if (wEnd === window[i + len]) {
        let n = 0;
        while (n < minMatchLook && window[i + n] === window[pos + n]) n++;
        if (n > len && (n > minMatchLength || pos - i <= 4096)) {
          len = n;
          off = pos - i;
          ok = true;
          if (n >= nice) break;
          wEnd = window[pos + n]!;
        }
      }
      if (i === minIndex) break;
      i = hashPrev[i & windowMask]! - hashOffset;
      if (i < minIndex || i < 0) break;
    }
    return [len, off, ok];
  };

  const deflate = (): void => {
    if (windowEnd - index < minMatchLength + maxMatchLength && !sync) return;
    maxInsertIndex = windowEnd - (minMatchLength - 1);
    for (;;) {
      const lookahead = windowEnd - index;
      if (lookahead < minMatchLength + maxMatchLength) {
        if (!sync) break;
        if (lookahead === 0) {
          if (byteAvailable) {
            tokens.push(window[index - 1]!);
            byteAvailable = false;
          }
          if (tokens.length > 0) {
            writeBlock(tokens, index);
            tokens = [];
          }
          break;
        }
      }
      if (index < maxInsertIndex) {
        const h = hash4(window, index) & hashMask;
        chainHead = hashHead[h]!;
        hashPrev[index & windowMask] = chainHead;
        hashHead[h] = index + hashOffset;
      }
      const prevLength = length;
      const prevOffset = offset;
      length = minMatchLength - 1;
      offset = 0;
      const minIndex = Math.max(index - windowSize, 0);
      if (chainHead - hashOffset >= minIndex && lookahead > prevLength && prevLength < LAZY) {
        const [nl, no, ok] = findMatch(index, chainHead - hashOffset, minMatchLength - 1, lookahead);
        if (ok) {
          length = nl;
          offset = no;
        }
      }
      if (prevLength >= minMatchLength && length <= prevLength) {
        tokens.push(matchToken(prevLength - baseMatchLength, prevOffset - baseMatchOffset));
        // fastSkipHashing is never at level 6: insert every position of the match.
        const newIndex = index + prevLength - 1;
        let i = index;
        for (i++; i < newIndex; i++) {
          if (i < maxInsertIndex) {
            const h = hash4(window, i) & hashMask;
            hashPrev[i & windowMask] = hashHead[h]!;
            hashHead[h] = i + hashOffset;
          }
        }
        index = i;
        byteAvailable = false;
        length = minMatchLength - 1;
        if (tokens.length === maxFlateBlockTokens) {
          writeBlock(tokens, index);
          tokens = [];
        }
      } else {
        if (byteAvailable) {
          const i = index - 1;
          tokens.push(window[i]!);
          if (tokens.length === maxFlateBlockTokens) {
            writeBlock(tokens, i + 1);
            tokens = [];
          }
        }
        index++;
        byteAvailable = true;
      }
    }
  };

  // write
  let b = data;
  while (b.length > 0) {
    deflate();
    b = b.subarray(fill(b));
  }
  // Flush: a sync flush
  sync = true;
  deflate();
  w.writeStoredHeader(0, false);
  w.flush();
  sync = false;
  // Close
  sync = true;
  deflate();
  w.writeStoredHeader(0, true);
  w.flush();
  return w.out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** compress/gzip's writer at the default level: header (no name, mtime 0, OS unknown), stream, CRC-32, size. */
export function goGzip(data: Uint8Array): Buffer {
  const body = deflateGo(data);
  const crc = crc32(data);
  const size = data.length >>> 0;
  const trailer = [crc & 0xff, (crc >>> 8) & 0xff, (crc >>> 16) & 0xff, crc >>> 24, size & 0xff, (size >>> 8) & 0xff, (size >>> 16) & 0xff, size >>> 24];
  return Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, ...body, ...trailer]);
}
