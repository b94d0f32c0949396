// Identifier validation shared by GraphQL inputs, data imports, the data
// generator and the console: resident IDs (GB 11643), unified social credit
// codes (GB 32100) and administrative division codes.
export * from './residentId.ts';
export * from './creditCode.ts';
export * from './divisionCode.ts';
