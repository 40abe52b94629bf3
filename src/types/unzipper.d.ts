/** The little of unzipper (exceljs's own zip reader) that asn uses: the zip directory. */
declare module 'unzipper' {
  interface ZipDirectoryEntry {
    path: string;
    compressedSize: number;
    uncompressedSize: number;
    buffer(): Promise<Buffer>;
  }
  interface ZipDirectory {
    files: ZipDirectoryEntry[];
  }
  export const Open: {
    file(path: string): Promise<ZipDirectory>;
    buffer(data: Buffer): Promise<ZipDirectory>;
  };
  const unzipper: { Open: typeof Open };
  export default unzipper;
}
