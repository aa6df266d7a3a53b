/**
 * The ribbon's function file (FunctionFile in manifest.xml). The one button today opens the
 * task pane through a ShowTaskpane action, which needs no code. A future ExecuteFunction button
 * registers its handler here with Office.actions.associate and must call event.completed(),
 * or Excel shows the command as still running.
 */

/** Commands by the FunctionName the manifest will use. None yet. */
const COMMANDS: Record<string, (event: Office.AddinCommands.Event) => void> = {};

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    for (const [name, handler] of Object.entries(COMMANDS)) Office.actions.associate(name, handler);
  });
}
