/** Texts of the asset detail card, merged into the app's messages by src/i18n. */
export const detailMessages = {
  'zh-CN': {
    detail: {},
  },
  en: {
    detail: {},
  },
};
