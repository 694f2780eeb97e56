declare module 'ra-language-chinese';
