// Classification help: the Nice classes likely for a description of goods or services (with the
// official terms to use instead), and the IPC subclasses likely for a patent's title and abstract.
// Text classifiers over the official classification texts, in memory, built on first use.
export { suggestNiceClasses, niceSuggester, NiceSuggester, NICE_PARAMS, shippedNiceData, type NiceSuggestion, type NiceSuggestRequest, type NiceParams, type NiceSuggesterData } from './use-cases/suggest-nice.ts';
export { suggestIpcSubclasses, ipcSuggester, IpcSuggester, IPC_PARAMS, type IpcSuggestion, type IpcSuggestRequest, type IpcParams } from './use-cases/suggest-ipc.ts';
export { NICE_TEXT_MAX, IPC_TEXT_MAX, MAX_SUGGESTIONS, DEFAULT_SUGGESTIONS } from './input.ts';
export { classifyRoutes } from './classify.http.ts';
