export const siteName = 'JWT, Step by Step';
