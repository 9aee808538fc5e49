export default defineContentScript({
  matches: ['https://partner.microsoft.com/*'],
  main() {},
});
