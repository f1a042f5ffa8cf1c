import { useAreaImage } from './use-area-image'

/** An area excerpt's picture (a figure, an equation, a table cut from a page), or why it is missing. */
export function AreaPicture({
  excerptId,
  page,
  className,
}: {
  excerptId: string
  page: number
  className: string
}) {
  const { url, failure } = useAreaImage(excerptId)
  if (failure)
    return (
      <span className={`${className} area-picture--missing`} data-testid="area-picture-missing">
        The picture of this area could not be read: {failure}
      </span>
    )
  return url ? (
    <img className={className} data-testid="area-picture" src={url} alt={`Area of page ${page}`} />
  ) : (
    <span className={`${className} area-picture--loading`}>Picture of page {page}…</span>
  )
}
