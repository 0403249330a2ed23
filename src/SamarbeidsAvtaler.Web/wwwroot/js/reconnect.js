// Buttons of the Norwegian reconnect dialog (Components/ReconnectModal.razor). A file, not inline
// handlers, because the content security policy allows scripts from this site only.
document.addEventListener("click", async (event) => {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return;
  if (target.id === "reconnect-reload") {
    location.reload();
  } else if (target.id === "reconnect-retry") {
    const ok = await Blazor.reconnect();
    if (!ok) location.reload();
  } else if (target.id === "reconnect-resume") {
    const ok = await Blazor.resumeCircuit();
    if (!ok) location.reload();
  }
});
