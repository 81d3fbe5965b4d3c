"""The main window's current record: reading it into the record view, its files, matches and
sync status; and creating, editing and deleting records, each saved edit on the window's
``QUndoStack`` (``SavedEditCommand``).

Owned by ``MainWindow`` as ``window.records``; the window keeps thin methods (``show_record_id``,
``new_record``, ``edit_record``, ``delete_record`` ...) for its menus, its session and the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from kmdesk.core.chm import suggest
from kmdesk.gui.accessibility import name_qt_controls
from kmdesk.gui.dialogs import confirm_delete, error_headline, read_only_words
from kmdesk.gui.library_model import pick_text
from kmdesk.gui.qt import QModelIndex, QObject, QUndoCommand
from kmdesk.gui.record_editor import RecordEditor
from kmdesk.gui.workers import Pool, Task, run_in_background
from kmdesk.render.fonts import FONT_PACKAGES, writing_system_name

if TYPE_CHECKING:
    from kmdesk.gui.main_window import MainWindow


class SavedEditCommand(QUndoCommand):
    """An edit already saved in the library. Undo writes the old values back, redo the new
    ones, each as a new edit (so the record's history shows the undo too)."""

    def __init__(self, window: MainWindow, record_id: str, before: dict[str, Any], after: dict[str, Any],
                 title: str) -> None:
        super().__init__(window.tr("edit of “{title}”").format(title=title))
        self.window, self.record_id, self.before, self.after = window, record_id, before, after
        self._saved = True  # QUndoStack.push calls redo(); the edit is already in the library

    def redo(self) -> None:
        if self._saved:
            self._saved = False
            return
        self.window.write_fields(self.record_id, self.after)

    def undo(self) -> None:
        self.window.write_fields(self.record_id, self.before)


class RecordController(QObject):
    """The record the window shows (``current_id``) and the changes made to records from it.
    Loads are numbered (``seq``): an answer for a record no longer current is dropped."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.current_id: str | None = None
        self.seq = 0
        self._saving: list[RecordEditor] = []  # one entry per save on its way, so its editor outlives it

    # -- the current record ------------------------------------------------------------------------
    def current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        record_id = self.window.model.record_id(current.row()) if current.isValid() else None
        if record_id is not None and record_id != self.current_id:
            self.show_record_id(record_id)

    def reselect(self) -> None:
        """After the rows change, keep the record the person was reading selected."""
        if self.current_id is None:
            return
        row = self.window.model.row_of(self.current_id)
        if row is not None:
            self.window.table.selectRow(row)  # the same id again: current_row_changed does nothing

    def show_record_id(self, record_id: str) -> None:
        """Select a record in the table (if it is listed) and read it into the record view."""
        window = self.window
        self.current_id = record_id
        self.reselect()
        row = window.model.row_of(record_id)
        if row is not None:
            window.table.scrollTo(window.model.index(row, 0))
        self.update_actions()
        self.seq += 1
        seq = self.seq
        library = window.library
        query, options = window.search.question

        def load(_task: Task) -> tuple[dict[str, Any], list[dict[str, Any]], str, list[str]]:
            snippet = library.index.snippet(record_id, query, lang=options.get("lang"),
                                            as_you_type=bool(options.get("as_you_type"))) if query else ""
            record = library.records.get(record_id)
            return record, library.history.of(record_id), snippet, library.records.in_conflict(record_id)

        run_in_background(window, load, lambda result: self.record_loaded(seq, *result),
                          lambda exc: self.record_failed(seq, exc), progress=False, kind=Pool.READ)

    def record_loaded(self, seq: int, record: dict[str, Any], history: list[dict[str, Any]], snippet: str,
                      in_conflict: list[str]) -> None:
        if seq == self.seq:
            window = self.window
            window.record_view.show_record(record, history, snippet or None, in_conflict)
            window.attachments_view.show_record(record["id"], self.read_only_reason(record)
                                                or self.files_locked_reason(record))
            window.matches_view.show_record(record)
            window.sync_panel.show_record(record["id"])
            self.update_actions()
            self.warn_missing_fonts(record)

    def warn_missing_fonts(self, record: dict[str, Any]) -> None:
        """Once per script: no installed font draws it, so its letters would be empty boxes."""
        missing = self.window.font_check.missing(record)
        if missing:
            self.window.statusBar().showMessage(self.tr(
                "No font for {scripts} is installed: this text shows as boxes. "
                "Install a font for it (Debian/Ubuntu: {packages}).").format(
                scripts=", ".join(writing_system_name(system) for system in missing), packages=FONT_PACKAGES), 15000)

    def show_no_record(self) -> None:
        """Take the record off every view that shows it: its text, its files (and any decrypted
        copy of them opened for reading) and its sync status."""
        window = self.window
        window.record_view.clear()
        window.attachments_view.show_record(None)
        window.attachments_view.forget_copies()
        window.matches_view.show_record(None)
        window.sync_panel.show_record(None)

    def forget_record(self) -> None:
        """On lock: no record is current any more. Its views are emptied, the table's selection
        and current row cleared (a selected row says which record was read), and a load still
        under way is never shown."""
        self.current_id = None
        self.seq += 1
        self.window.table.clearSelection()
        self.window.table.setCurrentIndex(QModelIndex())
        self.show_no_record()
        self.update_actions()

    def record_failed(self, seq: int, exc: BaseException) -> None:
        if seq == self.seq:
            self.current_id = None
            self.show_no_record()
            self.update_actions()
            self.window.statusBar().showMessage(f"{error_headline(exc)} {exc}", 8000)

    def read_only_reason(self, record: dict[str, Any] | None) -> str | None:
        """Why the record may not be edited, deleted or given files whoever is unlocked: pulled
        from the CHM (it carries the CHM's identifier, as ``search.document.collection`` tells;
        the core refuses it too, ``PulledRecord``), or in a library kmdesk cannot write to; or None."""
        if self.window.library.read_only:
            return read_only_words()
        if record is None or "chm" not in (record.get("identifiers") or {}):
            return None
        return self.tr("Pulled from the CHM: read-only here. The next pull brings its changes.")

    def files_locked_reason(self, record: dict[str, Any]) -> str | None:
        """Why files may not be added to or removed from ``record`` by whoever is at the
        keyboard (locked, a viewer, or a sealed stub), or None."""
        if self.window.session.can_write() and not record.get("sealed"):
            return None
        return self.tr("Adding or removing files needs an unlocked contributor or custodian who may read this record.")

    def refused(self, record: dict[str, Any]) -> bool:
        """Whether a change to ``record`` is refused before it starts (its actions are disabled,
        but a call may still come), said in the status bar."""
        why = self.read_only_reason(record)
        if why is not None:
            self.window.statusBar().showMessage(why, 8000)
        return why is not None

    def update_actions(self) -> None:
        window = self.window
        record = window.record_view.record
        current = record if record is not None and record["id"] == self.current_id else None
        can_write = window.session.can_write()
        editable = current is not None and not current.get("sealed") and can_write
        why = self.read_only_reason(current)
        window.edit_action.setEnabled(editable and why is None)
        window.delete_action.setEnabled(editable and why is None)
        for action, tip in ((window.edit_action, self.tr("Edit the selected record")),
                            (window.delete_action, self.tr("Delete the selected record"))):
            action.setToolTip(why or tip)
            action.setStatusTip(why or tip)
        window.new_action.setEnabled(can_write)
        window.import_action.setEnabled(can_write)  # an import adds records: a writer's job

    # -- create, edit, delete ----------------------------------------------------------------------
    def _editor(self, record: dict[str, Any] | None) -> RecordEditor:
        window = self.window
        editor = RecordEditor(window, record, window.languages, window.session.context.communities,
                              window.session.context)
        name_qt_controls(editor)
        self.wire_editor(editor)
        editor.open()
        return editor

    def new_record(self) -> RecordEditor | None:
        """An editor for a new record; none behind the lock screen (its action is disabled there,
        and a call that comes anyway is refused too)."""
        return None if self.window.session.locked_out() else self._editor(None)

    def edit_record(self) -> RecordEditor | None:
        record = self.window.record_view.record
        if self.window.session.locked_out() or record is None or record.get("sealed") or record["id"] != self.current_id or self.refused(record):
            return None
        return self._editor(record)

    def wire_editor(self, editor: RecordEditor) -> None:
        """Save and close (the Save button, Ctrl+Return) and save only (Ctrl+S) go the same way:
        a new record is added the first time, every later save is an edit of it."""
        editor.accepted.connect(lambda: self.save(editor))
        editor.saveRequested.connect(lambda: self.save(editor))
        editor.rejected.connect(lambda: self.release(editor))
        record_id = editor.original["id"] if editor.original else ""
        library = self.window.library
        editor.offer_suggestions(lambda record: suggest.suggest_for(library, {**record, "id": record_id}))

    def save(self, editor: RecordEditor) -> None:
        if editor.original is None:
            self.save_new(editor)
        else:
            self.save_edit(editor)
        self.release(editor)  # closed with nothing to save

    def release(self, editor: RecordEditor) -> None:
        """Delete a closed editor once no save of it is on its way: its parent, the window,
        would otherwise keep every editor opened in the session, with all its widgets."""
        if editor not in self._saving and not editor.isVisible():
            editor.deleteLater()

    def _run_save(self, editor: RecordEditor, write: Callable[[Task], dict[str, Any]],
                  on_saved: Callable[[dict[str, Any]], None]) -> None:
        """Write in the background; the editor is told the outcome, then released if closed."""
        self._saving.append(editor)

        def succeeded(record: dict[str, Any]) -> None:
            self._saving.remove(editor)
            editor.saved(record)
            on_saved(record)
            self.release(editor)

        def failed(exc: BaseException) -> None:
            self._saving.remove(editor)
            self.reopen(editor, exc)

        run_in_background(self.window, write, succeeded, failed, progress=False)

    @staticmethod
    def reopen(editor: RecordEditor, exc: BaseException) -> None:
        """A save failed: say why in the dialog, given back with everything still typed in."""
        editor.show_failure(exc)
        editor.open()

    def save_new(self, editor: RecordEditor) -> None:
        data = editor.record_data()
        library = self.window.library
        self._run_save(editor, lambda _task: library.records.add(data), self.created)

    def created(self, record: dict[str, Any]) -> None:
        self.window.model.upsert(record)
        self.window.statusBar().showMessage(self.tr("Record created."), 5000)
        self.show_record_id(record["id"])
        self.window.search.recount()
        self.window.search_now()

    def save_edit(self, editor: RecordEditor) -> None:
        changes = editor.changes()
        if not changes or editor.original is None:
            return
        window = self.window
        record_id = editor.original["id"]
        title = pick_text(editor.original.get("title") or {}, window.languages)
        before = {field: values[0] for field, values in changes.items()}
        after = {field: values[1] for field, values in changes.items()}
        library = window.library

        def saved(record: dict[str, Any]) -> None:
            window.undo_stack.push(SavedEditCommand(window, record_id, before, after, title))
            self.updated(record)

        self._run_save(editor, lambda _task: library.records.update(record_id, after), saved)

    def updated(self, record: dict[str, Any]) -> None:
        self.window.model.upsert(record)
        self.window.statusBar().showMessage(self.tr("Saved."), 5000)
        if record["id"] == self.current_id:
            self.show_record_id(record["id"])
        self.window.search_now()

    def delete_record(self) -> None:
        window = self.window
        record = window.record_view.record
        if record is None or record["id"] != self.current_id or record.get("sealed") or self.refused(record):
            return
        record_id = record["id"]
        if not confirm_delete(window, pick_text(record.get("title") or {}, window.languages)):
            return
        library = window.library
        run_in_background(window, lambda _task: library.records.delete(record_id), lambda _none: self.deleted(record_id),
                          progress=False)

    def deleted(self, record_id: str) -> None:
        window = self.window
        window.model.remove(record_id)
        if self.current_id == record_id:
            self.current_id = None
            self.show_no_record()
        self.update_actions()
        window.statusBar().showMessage(self.tr("Record moved to the trash."), 5000)
        window.search.recount()
        window.search_now()
