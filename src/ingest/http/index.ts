/**
 * Raw HTTP/1.x messages (as saved by proxies such as Fiddler): parsing heads,
 * building request URLs, undoing chunked and content encodings, text decoding.
 */
export { parseHead, MAX_HEAD_BYTES, type HttpHead } from './head.js';
export { parseRequestLine, parseStatusLine, type RequestLine, type StatusLine } from './start-line.js';
export { requestUrl, splitAuthority, type RequestUrl, type UrlContext } from './request-url.js';
export { dechunk, looksChunked, type Dechunked } from './chunked.js';
export { decodeContentCodings, decodeContentCodingsAsync, parseCodings, ASYNC_DECODE_BYTES, type DecodedContent } from './content-encoding.js';
export { charsetFromContentType, sniffHtmlCharset, decodeText, type DecodedText } from './charset.js';
export { essence, isTextType, looksBinary } from './body-kind.js';
export { parseRequest, parseResponse, type ParsedRequest, type ParsedResponse } from './message.js';
export { decodeBody, decodeBodyAsync, streamGzipBody, textView, isTextBody, declaredCharset, type DecodedBody, type DecodeOptions, type StreamedBody, type TextView } from './body.js';
