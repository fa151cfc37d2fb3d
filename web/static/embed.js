// The clinic's own site adds <script src="CHAT_URL/embed.js" async></script> (CHAT_URL: this app):
// a button that opens the chat in a panel (an iframe to this app). Nothing else is loaded, and
// nothing is read from or written to the host page beyond these elements.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || document.getElementById("clinic-faq-launcher")) return;
  var origin = new URL(script.src, window.location.href).origin;
  var label = script.getAttribute("data-label") || "Ask our articles";

  function style(node, rules) {
    for (var key in rules) node.style.setProperty(key, rules[key]);
    return node;
  }

  var launcher = style(document.createElement("button"), {
    position: "fixed", right: "1rem", bottom: "1rem", "z-index": "2147483000",
    "min-height": "3rem", padding: "0.6rem 1.2rem", "border-radius": "1.5rem",
    border: "2px solid #ffffff", background: "#0b57d0", color: "#ffffff",
    font: "600 1rem/1.2 system-ui, sans-serif", cursor: "pointer", "box-shadow": "0 2px 8px rgba(0,0,0,.35)",
  });
  launcher.type = "button";
  launcher.id = "clinic-faq-launcher";
  launcher.textContent = label;
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "clinic-faq-panel");

  var panel = style(document.createElement("div"), {
    position: "fixed", right: "1rem", bottom: "4.75rem", "z-index": "2147483000",
    width: "min(26rem, calc(100vw - 2rem))", height: "min(40rem, calc(100vh - 6rem))",
    display: "none", "flex-direction": "column", background: "#ffffff", color: "#1b1f24",
    border: "1px solid #6b7280", "border-radius": "0.75rem", overflow: "hidden", "box-shadow": "0 4px 24px rgba(0,0,0,.35)",
  });
  panel.id = "clinic-faq-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-label", label);

  var bar = style(document.createElement("div"), {
    display: "flex", "align-items": "center", "justify-content": "space-between", gap: "0.5rem",
    padding: "0.25rem 0.25rem 0.25rem 0.75rem", background: "#0b57d0", color: "#ffffff", font: "600 1rem system-ui, sans-serif",
  });
  var title = document.createElement("span");
  title.textContent = label;
  var close = style(document.createElement("button"), {
    "min-width": "2.75rem", "min-height": "2.75rem", border: "0", background: "transparent",
    color: "#ffffff", font: "700 1.25rem system-ui, sans-serif", cursor: "pointer",
  });
  close.type = "button";
  close.textContent = "×";
  close.setAttribute("aria-label", "Close");
  bar.append(title, close);
  panel.append(bar);

  var frame = null;
  function open() {
    if (!frame) {
      frame = style(document.createElement("iframe"), { flex: "1", width: "100%", border: "0" });
      frame.src = origin + "/?embed=1";
      frame.title = label;
      panel.append(frame);
    }
    panel.style.display = "flex";
    launcher.setAttribute("aria-expanded", "true");
    close.focus();
  }
  function hide() {
    panel.style.display = "none";
    launcher.setAttribute("aria-expanded", "false");
    launcher.focus();
  }
  launcher.addEventListener("click", function () {
    if (panel.style.display === "none") open();
    else hide();
  });
  close.addEventListener("click", hide);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel.style.display !== "none") hide();
  });
  // Escape pressed inside the chat frame reaches this page only as a message from the app's origin.
  window.addEventListener("message", function (event) {
    if (event.origin === origin && event.data === "clinic-faq:close") hide();
  });
  document.body.append(panel, launcher);
})();
