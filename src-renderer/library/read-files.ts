/** A file as the import API takes it. */
export interface FileUpload {
  name: string
  dataBase64: string
}

/** Reads a chosen or dropped file into base64, the form `articles.import` accepts. */
export function readFileForUpload(file: File): Promise<FileUpload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const dataUrl = String(reader.result)
      // A data URL is "data:<type>;base64,<data>"; the type is of no use, the importer sniffs the bytes.
      resolve({ name: file.name, dataBase64: dataUrl.slice(dataUrl.indexOf(',') + 1) })
    }
    reader.onerror = () =>
      reject(new Error(`${file.name} could not be read: ${reader.error?.message ?? 'unknown error'}`))
    reader.readAsDataURL(file)
  })
}
