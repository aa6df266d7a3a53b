/** The Word host: the leadership summary as a .docx (Node and browser). */
export { summaryDocx, DOCX_FONTS, DOCX_MARGINS_CM } from './summary-docx';
