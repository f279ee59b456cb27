// adm-zip ships no type declarations and @types/adm-zip is not installed: the few members we use.
declare module 'adm-zip' {
  interface ZipEntry {
    entryName: string;
    isDirectory: boolean;
    getData(): Buffer;
  }
  class AdmZip {
    constructor(fileOrBuffer?: string | Buffer);
    addFile(entryName: string, content: Buffer, comment?: string): void;
    getEntries(): ZipEntry[];
    readAsText(entry: string | ZipEntry, encoding?: string): string;
    readFile(entry: string | ZipEntry): Buffer | null;
    writeZip(targetFileName?: string): void;
    toBuffer(): Buffer;
  }
  export = AdmZip;
}
