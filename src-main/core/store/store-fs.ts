import * as nodeFs from 'node:fs/promises'

/**
 * The file-system calls the store makes, and nothing else: the seam through which tests inject
 * faults (ENOSPC, EIO, a failing rename, a short write) into a real store on a real folder.
 */
export interface StoreFs {
  open: typeof nodeFs.open
  readFile: typeof nodeFs.readFile
  readdir: typeof nodeFs.readdir
  stat: typeof nodeFs.stat
  mkdir: typeof nodeFs.mkdir
  rename: typeof nodeFs.rename
  link: typeof nodeFs.link
  rm: typeof nodeFs.rm
  rmdir: typeof nodeFs.rmdir
}

export const NODE_FS: StoreFs = {
  open: nodeFs.open,
  readFile: nodeFs.readFile,
  readdir: nodeFs.readdir,
  stat: nodeFs.stat,
  mkdir: nodeFs.mkdir,
  rename: nodeFs.rename,
  link: nodeFs.link,
  rm: nodeFs.rm,
  rmdir: nodeFs.rmdir,
}

/** Whether a file-system error says the file is not there. */
export const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT'
