// The conversation kept in sessionStorage, so it survives a reload but not closing the tab.

const KEY = "clinic-faq:conversation";
// Enough for a long visit while staying far below the browser's storage quota.
const MAX_MESSAGES = 100;

/** The saved messages, or an empty list when there are none or they cannot be read. */
export function loadConversation() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY));
    return Array.isArray(saved) ? saved : [];
  } catch {
    return [];
  }
}

/** Save the newest messages; storage may be full or blocked, and the chat works on without it. */
export function saveConversation(messages) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(messages.slice(-MAX_MESSAGES)));
  } catch {
    // Private modes can refuse storage: the conversation then lasts until reload.
  }
}

/** Forget the conversation. */
export function clearConversation() {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing saved, nothing to clear.
  }
}
