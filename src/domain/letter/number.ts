/** A number as letters print it: "91", "91,34", "91.34". */
export const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
