"""The main window: step navigator, the step pages, preview, menus, autosave."""

from __future__ import annotations

import gc
import json
import logging
import re
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import cast

import pyphen
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from prospector import __version__
from prospector.errors import PlanNotFound, ProspectorError
from prospector.merge import MergeConflict, merge_plans
from prospector.model import Plan, new_id
from prospector.planfile import plan_to_document, write_plan_file
from prospector.resources import sample_plan_path
from prospector.sections import STEP_BY_KEY, STEP_OF_SECTION, step_status
from prospector.store import unsaved_edits
from prospector.store.unsaved_edits import UnsavedEdits
from prospector.textnorm import slugify
from ui import dialogs, language, restored_changes
from ui.actuals_reading import ActualsReader
from ui.autosave import Autosaver
from ui.coach_panel import CoachPanel
from ui.commands import ReplaceSectionsCommand, SetValueCommand, SetValuesCommand
from ui.document import SECTIONS, PlanDocument
from ui.export_dialog import ExportDialog
from ui.field_names import conflict_places
from ui.language import _, app_say, ngettext, said, sentence_start
from ui.pages import step_pages
from ui.pages.accountability import AccountabilityPage
from ui.pages.cadence import CadencePage
from ui.pages.lists import RepsPage, TargetsPage
from ui.pages.review import ReviewPage
from ui.plans_dialog import (
    PlansDialog,
    VersionsDialog,
    blank_plan,
    import_plan_file,
    name_refusal,
)
from ui.preview import PreviewPane
from ui.step_words import summary
from ui.step_words import to_do as step_to_do
from ui.table_model import show_number
from ui.week_by_week import WeekByWeek
from ui.widgets.cell_editing import commit_open_editor
from ui.widgets.date_field import show_moment
from ui.widgets.list_editor import ListEditor
from ui.widgets.step_page import StepPage

PAGES = tuple(step_pages())  # one per step of prospector/sections.py, found in ui/pages
MAX_RECENT = 8
LAST_STEP = "last_step"  # [plan id, step key]: the step the window reopens on for that plan
WIDE = 1500  # px: from this window width the preview stands beside the form, not behind a tab
SIDE_PANEL = 320  # px: the coach's width beside the form in a narrower window
# the example plan opened on first start
SAMPLE_PLAN_ID = json.loads(sample_plan_path().read_text("utf-8"))["id"]


_STATUS_LINE = Qt.ItemDataRole.UserRole + 1  # a step's status before it is fitted
_TITLE = Qt.ItemDataRole.UserRole + 2  # a step's name before it is fitted


class MainWindow(QMainWindow):
    save_label: QLabel  # the status bar's "All changes saved"

    def __init__(self, store, plan, settings: QSettings | None = None) -> None:
        # the plan just loaded (100,000 facts with an import) and the modules left out of the
        # collector while the window is made: its full collections walked them, 0.2-0.4 s each
        gc.freeze()
        super().__init__()
        self.store = store
        self.settings = settings or QSettings()
        self.document = PlanDocument(plan, self)
        self.saved_version = self._stored_version(plan.id)  # the version this window shows
        self.save_error: str | None = None  # the last autosave failed (disk full, ...)
        self.autosaver = Autosaver(store, self)
        self.autosaver.watch(self.document)
        self.autosaver.saving.connect(lambda: self.save_label.setText(_("Saving…")))
        self.autosaver.saved.connect(self._saved)
        self.autosaver.failed.connect(self._save_failed)
        self.autosaver.conflict.connect(self._conflict)
        self.autosaver.base_version = self.saved_version or 0
        # changes a window that ended left and that could not be made again (tell_not_restored)
        self.not_restored: tuple[list[dict], list[Path], dict[tuple, str]] | None = None
        self._keep_unsaved(recover=True)
        self.actuals_reader = ActualsReader(self)  # reads CRM exports off the GUI thread

        self.navigator = QListWidget()
        self.navigator.setAccessibleName(_("Steps of the plan"))
        self.navigator.setObjectName("stepNavigator")
        self.navigator.setMinimumWidth(200)
        self.navigator.setMaximumWidth(240)
        # "✓ · 7 objections, 12 questions" is broken into lines that fit the list's width
        # (_fitted), again whenever the window gives it another width
        self.navigator.viewport().installEventFilter(self)  # (narrower with a scroll bar)
        self.navigator.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        self.pages: dict[str, StepPage] = {}  # in the order of the stack
        for page_class in PAGES:
            page = page_class(self.document)
            self.pages[page.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem(_(STEP_BY_KEY[page.key].title))
            item.setData(Qt.ItemDataRole.UserRole, page.key)
            self.navigator.addItem(item)
        self.navigator.currentRowChanged.connect(self.stack.setCurrentIndex)
        split = QSplitter()
        split.addWidget(self.navigator)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self._example_banner())
        # two tabs: building the plan (its steps), and the plan at work week by week (actuals)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setAccessibleName(_("Plan or week by week"))
        self.tabs.addTab(split, _("Build the plan"))
        self.week_by_week = WeekByWeek(self.document)
        self.tabs.addTab(self.week_by_week, _("Week by week"))
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        review = cast(ReviewPage, self.pages["review"])
        review.export_pdf_requested.connect(self.export_pdf)
        review.export_json_requested.connect(self.export_plan_file)
        review.step_requested.connect(self.go_to_step)
        targets = cast(TargetsPage, self.pages["targets"])
        targets.import_csv_requested.connect(self.import_accounts_csv)
        targets.paste_rows_requested.connect(self.paste_accounts)
        cast(RepsPage, self.pages["reps"]).export_schedule_requested.connect(self.export_schedule)
        cast(AccountabilityPage, self.pages["accountability"]).step_requested.connect(
            self.go_to_step)

        self._build_preview()
        self._build_coach()
        self.tabifyDockWidget(self.coach_dock, self.preview_dock)
        self.coach_dock.raise_()
        self._wide = False  # the preview is beside the form (see _arrange_docks)
        self._shown_once = False
        self._build_actions()
        self.save_label = QLabel(_("All changes saved"))
        self.statusBar().addPermanentWidget(self.save_label)

        self.document.undo_stack.cleanChanged.connect(self._update_title)
        self.document.undo_stack.cleanChanged.connect(self._clean_changed)
        self.document.edit_refused.connect(self._refused)
        self.document.edit_noticed.connect(lambda what: self.statusBar().showMessage(what, 8000))
        self.document.changed.connect(self._plan_edited)
        self.document.plan_replaced.connect(self._plan_edited)
        self.document.plan_replaced.connect(
            lambda: QTimer.singleShot(0, lambda: settle_memory(everything=True)))
        self._nav_timer = QTimer(self)
        self._nav_timer.setSingleShot(True)
        self._nav_timer.setInterval(250)
        self._nav_timer.timeout.connect(self._update_navigator)
        self._update_navigator()
        self._update_title()
        self.navigator.setCurrentRow(0)
        self.resize(1280, 800)
        self._restore_settings()
        self._restore_step(plan.id)
        self._remember_recent(plan)

    # --- building ------------------------------------------------------------------------------
    def _build_preview(self) -> None:
        self.preview = PreviewPane(self.document)
        self.preview_dock = QDockWidget(_("Preview"), self)
        self.preview_dock.setObjectName("previewDock")
        self.preview_dock.setWidget(self.preview)
        self.preview_dock.visibilityChanged.connect(self.preview.set_showing)
        self.preview_dock.visibilityChanged.connect(self._fit_side_panel)
        self.preview_dock.setMinimumWidth(SIDE_PANEL)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.preview_dock)
        # the preview prints the step being edited, and shows the item selected in it
        self.navigator.currentRowChanged.connect(self._preview_step)
        for editor in self.stack.findChildren(ListEditor):
            editor.current_changed.connect(self.preview.show_item)
        cast(CadencePage, self.pages["cadences"]).current_changed.connect(self.preview.show_item)
        # a step's tabs edit one section each: the preview follows the tab, not the last edit
        for page in self.pages.values():
            tabs = getattr(page, "tabs", None)
            if isinstance(tabs, QTabWidget) and page.tab_sections:
                tabs.currentChanged.connect(lambda _index, page=page: self._preview_tab(page))

    def _preview_step(self, row: int) -> None:
        if row < 0:
            return
        page = list(self.pages.values())[row]
        self.preview.set_step(page.key)
        self._preview_tab(page)  # the tab on show: its section, as when the tab is chosen

    def _preview_tab(self, page: StepPage) -> None:
        tabs = getattr(page, "tabs", None)
        index = tabs.currentIndex() if isinstance(tabs, QTabWidget) else -1
        if 0 <= index < len(page.tab_sections):
            self.preview.show_section(page.tab_sections[index])
        item = page.current_item()  # the row still selected there: shown, not the part's top
        if item is not None:
            self.preview.show_item(item)

    def _build_coach(self) -> None:
        self.coach = CoachPanel(self.document)
        self.coach_dock = QDockWidget(_("Coach"), self)
        self.coach_dock.setObjectName("coachDock")
        self.coach_dock.setWidget(self.coach)
        self.coach_dock.setMinimumWidth(SIDE_PANEL)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.coach_dock)
        self.coach.finding_activated.connect(self.go_to_step)
        self.coach.field_requested.connect(self.go_to_field)
        for editor in self.stack.findChildren(ListEditor):  # an item added: judged once left
            editor.item_added.connect(self.coach.hold)
            editor.current_changed.connect(self.coach.keep_only)
        self.navigator.currentRowChanged.connect(lambda _row: self.coach.keep_only(None))
        review_page = cast(ReviewPage, self.pages["review"])
        self.coach.reviewed.connect(review_page.show_readiness)
        if self.coach.last_review is not None:
            review_page.show_readiness(self.coach.last_review)
        self.coach.reviewed.connect(lambda _r: self._update_navigator())

    def _action(self, text: str, slot, shortcut=None, icon=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        stack = self.document.undo_stack
        self.undo_action = stack.createUndoAction(self, _("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowBack))
        self.redo_action = stack.createRedoAction(self, _("&Redo"))
        # the platform's own redo keys, never twice: adding Ctrl+Shift+Z to a platform list that
        # has it made the shortcut ambiguous and neither fired
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:  # X11 lists Ctrl+Shift+Z only
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowForward))
        # "Rückgängig: Ansprechpartner löschen": the stack's own text is the prefix, a space and
        # the command's text, which German writes with a colon; these slots run after the stack's
        stack.undoTextChanged.connect(self._name_undo)
        stack.redoTextChanged.connect(self._name_redo)
        # undo and redo show what they changed: its step, and its row (after the stack's own)
        self.undo_action.triggered.connect(lambda: self._show_change(undone=True))
        self.redo_action.triggered.connect(lambda: self._show_change(undone=False))
        a = self._action
        key, icon = QKeySequence.StandardKey, QStyle.StandardPixmap
        self.plans_action = a(_("&Plans…"), self.show_plans, key.Open, icon.SP_DirOpenIcon,
                              _("Open, create, rename or delete plans"))
        self.new_action = a(_("&New plan…"), self.new_plan, key.New, icon.SP_FileIcon)
        self.save_action = a(_("&Save now"), self.save_now, key.Save, icon.SP_DialogSaveButton,
                             _("Plans save themselves; this saves now"))
        self.import_action = a(_("&Import plan file…"), self.import_plan_file, "Ctrl+I")
        self.import_actuals_action = a(
            _("Import &actuals…"), self.import_actuals, None, icon.SP_ArrowDown,
            _("Import what the reps did from a Salesforce or HubSpot export (CSV)"))
        self.export_json_action = a(_("Export plan &file…"), self.export_plan_file, "Ctrl+Shift+S")
        self.export_pdf_action = a(_("&Export playbook PDF…"), self.export_pdf, "Ctrl+E",
                                   QStyle.StandardPixmap.SP_DialogApplyButton)
        self.versions_action = a(_("Earlier &versions…"), self.show_versions)
        self.quit_action = a(_("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.preview_action = self._dock_action(self.preview_dock, "F9")
        self.preview_action.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogContentsView))
        next_step = a(_("&Next step"), lambda: self._step_by(1), "Ctrl+PgDown")
        previous_step = a(_("&Previous step"), lambda: self._step_by(-1), "Ctrl+PgUp")

        file_menu = self.menuBar().addMenu(_("&File"))
        for action in (self.new_action, self.plans_action):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu(_("Open &recent"))
        file_menu.addSeparator()
        for action in (self.save_action, self.versions_action, self.import_action,
                       self.import_actuals_action, self.export_json_action,
                       self.export_pdf_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(a(_("&Find in this step"), self.find_in_step,
                              QKeySequence.StandardKey.Find))
        view_menu = self.menuBar().addMenu(_("&View"))
        view_menu.addAction(self.preview_action)
        self.coach_action = self._dock_action(self.coach_dock, "F8")
        view_menu.addAction(self.coach_action)
        view_menu.addSeparator()
        view_menu.addAction(next_step)
        view_menu.addAction(previous_step)
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu(_("&Language"))
        self._build_language_menu()
        help_menu = self.menuBar().addMenu(_("&Help"))
        help_menu.addAction(a(_("&About Prospector"), self.about))

        toolbar = self.addToolBar(_("Main"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.plans_action, self.undo_action, self.redo_action,
                       self.import_actuals_action, self.export_pdf_action, self.preview_action,
                       self.coach_action):
            toolbar.addAction(action)
        # Undo and Redo as icons: their text names the change ("Undo Import actuals from
        # exports.csv"), and a button that grew with it would move every button after it under
        # the pointer; the tooltip (the action's text) still names the change.
        for action in (self.undo_action, self.redo_action):
            button = toolbar.widgetForAction(action)
            if isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self._fill_recent_menu()

    def _name_undo(self, text: str) -> None:
        self.undo_action.setText(_("&Undo {what}").format(what=text) if text else _("&Undo"))

    def _name_redo(self, text: str) -> None:
        self.redo_action.setText(_("&Redo {what}").format(what=text) if text else _("&Redo"))

    # --- state shown to the user ---------------------------------------------------------------
    def _update_title(self) -> None:
        self.setWindowTitle(_("{name}[*] — Prospector").format(name=self.document.plan.name))
        self.setWindowModified(not self.document.undo_stack.isClean())

    def _refused(self, why: str) -> None:
        self._refusal = why
        self.statusBar().showMessage(why, 8000)

    def _plan_edited(self) -> None:
        if self.statusBar().currentMessage() == getattr(self, "_refusal", None):
            self.statusBar().clearMessage()  # an accepted edit: the refusal no longer applies
        self._update_title()
        self._nav_timer.start()

    def _clean_changed(self, clean: bool) -> None:
        """Between an edit and its save (1.5-3 s) the status bar said "All changes saved"; now
        "Changes not saved yet" (a failed save's "Not saved" stays until a save succeeds)."""
        saved, pending = _("All changes saved"), _("Changes not saved yet")
        if self.save_label.text() == saved and not clean:
            self.save_label.setText(pending)
        elif self.save_label.text() == pending and clean:  # undone back to the saved plan
            self.save_label.setText(saved)

    def _update_navigator(self) -> None:
        statuses = step_status(self.document.plan)
        counts: dict[str, list[int]] = {}
        coach = getattr(self, "coach", None)
        if coach is not None and coach.last_review is not None:
            for finding in coach.last_review.findings:
                step = STEP_OF_SECTION.get(finding.section, finding.section)
                tally = counts.setdefault(step, [0, 0])
                tally[0 if finding.severity == "blocker" else 1] += finding.severity != "tip"
        for row in range(self.navigator.count()):
            item = self.navigator.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            status = statuses.get(key)
            title = _(STEP_BY_KEY[key].title)
            item.setData(_TITLE, title)
            if status is None:
                item.setText(self._fitted_title(title))
                continue
            mark = "✓" if status.done else language.show_percent(status.share)
            blockers, warnings = counts.get(key, [0, 0])
            flags = "".join([f" · ⛔ {blockers}" if blockers else "",
                             f" · ⚠ {warnings}" if warnings else ""])
            line = f"   {mark} · {summary(status)}{flags}"
            item.setData(_STATUS_LINE, line)
            item.setText(self._fitted_title(title) + "\n" + self._fitted(line))
            to_do = step_to_do(status)
            share = language.show_percent(status.share)
            item.setToolTip(_("{title}: {share} complete").format(title=title, share=share)
                            + (_(" (to do: {to_do})").format(to_do=to_do) if to_do else "")
                            + _("; coach: {blockers}, {warnings}").format(
                                blockers=ngettext("{n} blocker", "{n} blockers", blockers).format(
                                    n=blockers),
                                warnings=ngettext("{n} warning", "{n} warnings", warnings).format(
                                    n=warnings)))

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.navigator.viewport() and event.type() == QEvent.Type.Resize
                and event.size().width() != event.oldSize().width()):
            for row in range(self.navigator.count()):  # its lines fitted to the new width
                item = self.navigator.item(row)
                title, line = item.data(_TITLE), item.data(_STATUS_LINE)
                if title:
                    item.setText(self._fitted_title(title)
                                 + ("\n" + self._fitted(line) if line else ""))
        return super().eventFilter(watched, event)

    def _room(self):
        """The navigator's font metrics (the style sheet's 10.5 pt) and the width a line has."""
        self.navigator.ensurePolished()
        shown = self.navigator.viewport().width() if self.navigator.isVisible() else 10_000
        return (self.navigator.fontMetrics(),  # less the item's padding and a margin
                min(shown, self.navigator.maximumWidth()) - 26)

    def _fitted_title(self, title: str) -> str:
        """A step's name broken at spaces where it would not fit ("Ziele und" /
        "Verantwortung"), a word too long for a line hyphenated: never cut with "…"."""
        metrics, room = self._room()
        lines: list[str] = []
        line = ""
        for word in title.split():
            if line and metrics.horizontalAdvance(f"{line} {word}") <= room:
                line = f"{line} {word}"
                continue
            if line:
                lines.append(line)
            line = word
            while metrics.horizontalAdvance(line) > room:
                head, tail = _hyphenated(line, lambda part: metrics.horizontalAdvance(part) <= room,
                                         after=0)
                if not tail:
                    break
                lines.append(head)
                line = tail
        return "\n".join([*lines, line])

    def _fitted(self, line: str) -> str:
        """A navigator line broken where it would not fit (after ", " or before " · "), each
        part indented as the first: the list never scrolls sideways or cuts a count."""
        metrics, room = self._room()
        lines = []
        while metrics.horizontalAdvance(line) > room:
            cuts = [i + 1 for i in range(len(line)) if line.startswith(", ", i)]
            cuts += [i for i in range(len(line)) if line.startswith(" · ", i)]
            fits = [c for c in cuts if 4 < c and metrics.horizontalAdvance(line[:c]) <= room]
            if not fits:
                head, tail = _hyphenated(line, lambda part: metrics.horizontalAdvance(part) <= room)
                if tail:
                    lines.append(head)
                    line = "     " + tail
                    continue
                # no good hyphenation point in the room: the word on the next line
                fits = [i for i in range(6, len(line)) if line[i] == " " and line[i - 1] != "·"
                        and metrics.horizontalAdvance(line[:i]) <= room]
                if not fits:
                    break
            cut = max(fits)
            lines.append(line[:cut].rstrip())
            line = "     " + line[cut:].lstrip(" ·")
        return "\n".join([*lines, line])

    def _saved(self, plan_id: str, version: int) -> None:
        if plan_id != self.document.plan.id:
            return
        self.save_error = None
        self.saved_version = version
        if not self.autosaver.timer.isActive():
            self.document.undo_stack.setClean()
            self.save_label.setText(_("All changes saved"))
        self._update_title()

    def _save_failed(self, message: str) -> None:
        self.save_label.setText(_("Not saved"))
        first = self.save_error is None
        self.save_error = message
        if first:  # once per failure streak; the status bar keeps saying "Not saved"
            dialogs.show_warning_aside(
                self, _("Could not save"), _("Your latest changes are not saved yet."),
                _("{message}\n\nThe plan stays open with your changes; Prospector tries again "
                  "at the next edit, or use File ▸ Save now.").format(message=message))

    def keep_plan_after_error(self) -> str:
        """Save the open plan now (after an unexpected error) and say what became of it."""
        self.autosaver.save_now(note="saved after an unexpected error")
        if self.autosaver.flush(5.0) and self.save_error is None:
            return _("Your plan is open with all your changes, and they are saved.")
        reason = self.save_error or _("the save is taking long")
        return (_("Your plan is open with all your changes, but they are not saved yet "
                  "({reason}). Use File ▸ Export plan file… to keep a copy.").format(reason=reason))

    def _conflict(self, conflict) -> None:
        """Another window or the command line saved this plan since its edits started: the
        leader chooses; nothing is overwritten meanwhile."""
        plan = self.document.plan
        if conflict.plan_id != plan.id:
            return
        self.save_label.setText(_("Not saved: changed elsewhere"))
        if conflict.current_version is None:  # deleted elsewhere: keep it, saved again
            self.autosaver.resolve(None)
            self.autosaver.save_now(note="saved again after it was deleted elsewhere")
            dialogs.show_info(self, _("Plan deleted elsewhere"),
                              _("“{name}” was deleted in another window or from the command line "
                                "while you were editing it. It is saved again with your changes; "
                                "delete it in Plans if that is what you want.").format(
                                    name=plan.name))
            return
        mine = plan_to_document(plan)
        theirs = merged = None
        try:
            theirs = self.store.load(plan.id)
            base = self.store.load_version(plan.id, conflict.base_version)  # may be pruned
            merged = merge_plans(plan_to_document(base), mine, plan_to_document(theirs))
            why_not = ""
        except MergeConflict as exc:
            why_not = _("both sides changed {places}").format(places=conflict_places(exc.places))
        except (ValueError, ProspectorError) as exc:
            why_not = said(exc)
        saved = show_moment(conflict.current.saved_at)
        what = (_("Version {current_version} of “{name}”, saved {saved}, is the current one; your "
                  "changes started from version {base_version}.").format(
                      current_version=conflict.current_version, name=conflict.current.name,
                      saved=saved, base_version=conflict.base_version))
        choice = dialogs.ask_conflict(self, what, why_not if merged is None else "")
        if choice == "merge" and merged is not None:
            self.document.replace_sections({name: merged[name] for name in SECTIONS},
                                           _("Merge the changes saved elsewhere"))
            if merged["name"] != plan.name:
                self.document.set_value(("name",), merged["name"], _("Merge the plan's name"))
            self.autosaver.resolve(conflict.current_version)
            self.autosaver.save_now(note=f"merged with version {conflict.current_version}")
        elif choice == "reload" and theirs is not None:
            self.autosaver.resolve(conflict.current_version, keep_pending=False)
            if self.document.unsaved is not None:  # what was not saved is discarded: not kept
                self.document.unsaved.saved(self.document.unsaved.mark())
            self.open_plan(theirs)
        else:  # keep both: this window's plan becomes a copy beside the other version
            copy = Plan.model_validate({**mine, "id": new_id("plan"),
                                        "name": _copy_name(plan.name)})
            self.autosaver.resolve(0, keep_pending=False)
            if self.document.unsaved is not None:  # the edits go with the copy, not to theirs
                self.document.unsaved.saved(self.document.unsaved.mark())
            self.document.plan = copy
            self.saved_version = None
            self._keep_unsaved(recover=False)
            self.autosaver.save_now(note=f"kept beside version {conflict.current_version} "
                                         f"of “{plan.name}”")
            self._update_title()
            self._remember_recent(copy)
            self.statusBar().showMessage(_("Your version is kept as “{name}”.").format(
                name=copy.name), 10000)

    # --- navigation ----------------------------------------------------------------------------
    def go_to_step(self, key: str, item_id: str | None = None) -> None:
        keys = list(self.pages)
        step = STEP_OF_SECTION.get(key, key)
        if step in keys:
            self.tabs.setCurrentIndex(0)  # the plan's steps, not Week by week
            self.navigator.setCurrentRow(keys.index(step))
            self.pages[step].focus_item(key, item_id)

    def go_to_field(self, section: str, item_id: str | None, field: str | None,
                    row: int | None) -> None:
        """Put the cursor in the field a coach finding names (the step and item are shown)."""
        page = self.pages.get(STEP_OF_SECTION.get(section, section))
        if page is not None:
            page.focus_field(section, item_id, field, row)

    def _show_change(self, *, undone: bool) -> None:
        """Go to the step (and the row) an undo or redo just changed, unless it is in view."""
        stack = self.document.undo_stack
        command = stack.command(stack.index() if undone else stack.index() - 1)
        if isinstance(command, ReplaceSectionsCommand) and "actuals" in command.after:
            self.tabs.setCurrentWidget(self.week_by_week)  # an import, a figure by hand
            return
        path = tuple(getattr(command, "path", ()) or ())
        if not path:
            return
        section = "basics" if path == ("name",) else str(path[0])
        step = STEP_OF_SECTION.get(section)
        row = path[1] if (isinstance(command, SetValueCommand | SetValuesCommand) and len(path) > 2
                          and isinstance(path[1], str) and path[-1] != "id") else None
        current = getattr(self.stack.currentWidget(), "key", None)
        if step is None:
            return
        self.tabs.setCurrentIndex(0)  # the plan's steps, were Week by week in front
        if step != current or row is not None:
            self.go_to_step(section, row)

    def _dock_action(self, dock, shortcut: str) -> QAction:
        """A pane's View action: it brings the pane to the front when it is hidden or behind
        another pane's tab, and hides it only when it is the one showing (Qt's own toggle hid
        a pane behind the coach's tab instead of showing it)."""
        action = QAction(dock.windowTitle(), self)
        action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(True)
        action.setChecked(dock.isVisible())
        dock.visibilityChanged.connect(action.setChecked)

        def toggle(_checked: bool = False) -> None:
            in_front = dock.isVisible() and not dock.visibleRegion().isEmpty()
            if in_front:
                dock.hide()
            else:
                dock.show()
                dock.raise_()
        action.triggered.connect(toggle)
        return action

    def find_in_step(self) -> None:
        editor = getattr(self.stack.currentWidget(), "editor", None)
        if editor is not None:
            editor.filter.setFocus()
            editor.filter.selectAll()

    def _step_by(self, delta: int) -> None:
        row = self.navigator.currentRow() + delta
        if 0 <= row < self.navigator.count():
            self.navigator.setCurrentRow(row)

    # --- the example plan ----------------------------------------------------------------------
    def _example_banner(self) -> QFrame:
        """Shown while the sample is open: it is an example, and here is how to start your own."""
        self.example_banner = QFrame()
        self.example_banner.setObjectName("exampleBanner")
        self.example_banner.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self.example_banner)
        text = QLabel(_("This is the example plan that comes with Prospector: look around and "
                        "change anything. When you are ready, start your own plan."))
        text.setWordWrap(True)
        blank = QPushButton(_("New blank plan…"))
        blank.clicked.connect(self.new_plan)
        copy = QPushButton(_("Start from this example…"))
        copy.clicked.connect(self.start_from_example)
        row.addWidget(text, 1)
        row.addWidget(blank)
        row.addWidget(copy)
        self.example_banner.setVisible(self.document.plan.id == SAMPLE_PLAN_ID)
        self.document.plan_replaced.connect(
            lambda: self.example_banner.setVisible(self.document.plan.id == SAMPLE_PLAN_ID))
        return self.example_banner

    def start_from_example(self) -> None:
        """A copy of the open plan under a name of the leader's, stored and opened."""
        self._create_plan(_("Start from this example"), _("Name of your plan:"),
                          _("My prospecting plan"),
                          lambda name: Plan.model_validate(dict(
                              plan_to_document(self.document.plan), id=new_id("plan"),
                              name=name)),
                          "started from the example plan")

    # --- plans ---------------------------------------------------------------------------------
    def open_plan(self, plan) -> None:
        self.autosaver.flush()
        self.document.open_plan(plan)
        self.saved_version = self._stored_version(plan.id)
        self.autosaver.resolve(self.saved_version or 0, keep_pending=False)
        # the plan as stored: what the status bar said of the plan before ("Not saved: changed
        # elsewhere" when theirs is loaded after a conflict) no longer holds
        self.save_label.setText(_("All changes saved") if self.saved_version is not None
                                else _("Changes not saved yet"))
        self._keep_unsaved(recover=True)
        self._update_title()
        self._remember_recent(plan)
        self.statusBar().showMessage(_("Opened {name}").format(name=plan.name), 4000)
        self.tell_not_restored()

    def _keep_unsaved(self, *, recover: bool) -> None:
        """Keep each value set in the open plan on disk at once, in a file of this window's
        (``prospector/store/unsaved_edits.py``); with ``recover``, first set again the values a
        window that ended without saving them left for this plan (they are saved as any edit,
        and can be undone)."""
        if self.document.unsaved is not None:
            self.document.unsaved.close()
        plan_id = self.document.plan.id
        self.document.unsaved = UnsavedEdits(self.store.folder, plan_id, self.saved_version)
        if not recover:
            return
        try:
            left = unsaved_edits.recover(self.store.folder, plan_id, self.saved_version)
            restored, missed = restored_changes.set_again(self.document, left)
        except Exception:
            logging.getLogger(__name__).exception("unsaved edits of %s not made again", plan_id)
            return
        if missed:
            self.not_restored = (missed, left.keep_aside(), left.rows)
        else:
            left.discard()
        if restored:
            self.statusBar().showMessage(
                ngettext("Restored {count} change that was not saved when Prospector last "
                         "closed.", "Restored {count} changes that were not saved when "
                         "Prospector last closed.", restored).format(count=restored), 15000)

    def tell_not_restored(self) -> None:
        """Say which changes left unsaved by a window that ended could not be made again
        (once): listed so the leader can make them by hand, their file kept aside."""
        if self.not_restored is None:
            return
        missed, files, rows = self.not_restored
        self.not_restored = None
        lines = restored_changes.described(self.document.plan, missed, rows)
        count = len(lines)
        if all(run.get("structure") and run.get("sections") == ["actuals"] for run in missed):
            why = _("Prospector ended before this plan was saved, and an import of CRM facts, "
                    "which is kept only once saved, could not be made again: import the export "
                    "again with Import actuals.")
        elif all(run.get("structure") for run in missed):  # an import or a merge alone
            why = ngettext("Prospector ended before this plan was saved, and {count} change "
                           "could not be made again: an import of CRM facts or a merge is "
                           "kept only once saved.",
                           "Prospector ended before this plan was saved, and {count} changes "
                           "could not be made again: an import of CRM facts or a merge is "
                           "kept only once saved.", count)
        else:
            why = ngettext("Prospector ended before this plan was saved, and {count} change "
                           "could not be made again: an import of CRM facts or a merge is kept "
                           "only once saved, and after one, or after a save from another "
                           "window, a row found only by its place in a list (a step, a "
                           "contact, a criterion, a moved row) may now be another.",
                           "Prospector ended before this plan was saved, and {count} changes "
                           "could not be made again: an import of CRM facts or a merge is kept "
                           "only once saved, and after one, or after a save from another "
                           "window, a row found only by its place in a list (a step, a "
                           "contact, a criterion, a moved row) may now be another.", count)
        dialogs.show_error(
            self, _("Changes not restored"), why.format(count=show_number(count)),
            ngettext("Show Details lists it, to make it again by hand if it is still wanted. "
                     "Its file is kept: {files}",
                     "Show Details lists them, to make them again by hand if they are still "
                     "wanted. Their file is kept: {files}", count).format(
                files=", ".join(str(f) for f in files)),
            details=restored_changes.not_restored_details(lines))

    def open_plan_id(self, plan_id: str) -> None:
        self.store.repairs.clear()  # only what opening this plan repaired
        try:
            self.open_plan(self.store.load(plan_id))
        except ProspectorError as exc:
            dialogs.show_error(self, _("Open plan"), _("This plan cannot be opened."), said(exc))
        dialogs.show_store_notices(self, self.store)

    def show_plans(self) -> None:
        self.autosaver.flush()
        dialog = PlansDialog(self.store, self.document.plan.id, self)
        accepted = _exec(dialog)
        current = self.document.plan.id
        try:
            stored = self.store.find(current)
        except PlanNotFound:
            stored = None
        if accepted and dialog.chosen_id and dialog.chosen_id != current:
            self.open_plan_id(dialog.chosen_id)
        elif stored and stored.version != self.saved_version:
            self.open_plan_id(current)  # renamed or restored in the dialog

    def _stored_version(self, plan_id: str) -> int | None:
        try:
            return self.store.find(plan_id).version
        except PlanNotFound:
            return None

    def new_plan(self) -> None:
        self._create_plan(_("New plan"), _("Name of the plan:"), _("New prospecting plan"),
                          blank_plan, "new plan")

    def _create_plan(self, title: str, label: str, suggested: str,
                     make: Callable[[str], Plan], note: str) -> None:
        """Ask for a name, make the plan with it, store it and open it; say why if not."""
        name = dialogs.ask_text(self, title, label, suggested)
        if name is None:
            return
        try:
            plan = make(name)
        except ValueError as exc:
            dialogs.show_error(self, title, _("This name cannot be used."),
                               _("The name {exc}.\n\nNo plan was created.").format(
                                   exc=name_refusal(exc)))
            return
        try:
            self.store.save(plan, note=note)
        except ProspectorError as exc:
            dialogs.show_error(self, title, _("The new plan could not be stored."), said(exc))
            return
        self.open_plan(plan)

    def show_versions(self) -> None:
        self.autosaver.flush()
        try:
            dialog = VersionsDialog(self.store, self.document.plan.id, self)
        except PlanNotFound:
            dialogs.show_info(self, _("Earlier versions"), _("This plan has not been saved yet."))
            return
        if _exec(dialog) and dialog.restored:
            self.open_plan_id(self.document.plan.id)
            self.statusBar().showMessage(dialog.restored, 6000)

    def save_now(self) -> None:
        self.autosaver.save_now()
        self.autosaver.flush()

    def import_plan_file(self) -> None:
        self.autosaver.flush()
        plan = import_plan_file(self.store, self)
        if plan is not None:
            self.open_plan(plan)

    def export_plan_file(self) -> bool:
        """Write the open plan to a plan file the user chooses; True when written."""
        name = slugify(self.document.plan.name, "plan")
        suggested = str(dialogs.documents_folder() / f"{name}.json")
        path = dialogs.ask_save_file(self, _("Export plan file"), suggested,
                                     _("Prospector plan (*.json)"))
        if not path:
            return False
        try:
            write_plan_file(self.document.plan, path)
        except ProspectorError as exc:
            dialogs.show_error(self, _("Export plan file"), _("The plan file was not written."),
                               said(exc))
            return False
        self.statusBar().showMessage(_("Plan file written: {path}").format(path=path), 6000)
        return True

    def export_pdf(self) -> None:
        _exec(ExportDialog(self.document.plan, str(dialogs.documents_folder()), self))

    def import_accounts_csv(self) -> None:
        path = dialogs.ask_open_csv_file(self)
        if path:
            self._import_accounts(path)

    def paste_accounts(self, text: str) -> None:
        """Rows pasted from a spreadsheet, through the CSV import's preview, mapping and checks."""
        from prospector.account_import import (  # noqa: PLC0415 - account_import: rarely
            PASTED_SOURCE,
            CsvFileError,
            has_header,
            pasted_table,
        )

        try:
            data = pasted_table(text, app_say())
        except CsvFileError as exc:
            dialogs.show_error(self, _("Paste accounts"), said(exc), _("Nothing was changed."))
            return
        with tempfile.TemporaryDirectory(prefix="prospector-paste-") as folder:
            path = Path(folder) / "pasted-rows.tsv"
            path.write_bytes(data)
            self._import_accounts(str(path), sentence_start(said(PASTED_SOURCE)),
                                  _("Paste accounts from a spreadsheet"), headed=has_header(text))

    def _import_accounts(self, path: str, source_name: str | None = None,
                         title: str | None = None, headed: bool = True) -> None:
        from ui.import_dialog import CsvImportDialog  # noqa: PLC0415 - account_import: rarely

        title = title or _("Import accounts from CSV")
        dialog = CsvImportDialog(self.document.plan, path, self, source_name=source_name,
                                 title=title, headed=headed)
        if not dialog.load():
            dialog.deleteLater()
            what = _("These rows") if source_name else _("This file")
            dialogs.show_error(self, title, _("{what} cannot be imported.").format(what=what),
                               _("{error}\n\nNothing was changed.").format(error=dialog.error))
            return
        result = dialog.import_result if _exec(dialog) else None
        if result is not None and result.changed:
            new = result.new_plan
            self.document.replace_sections(
                {"accounts": [a.model_dump(mode="json") for a in new.accounts],
                 "reps": [r.model_dump(mode="json") for r in new.reps]},
                (ngettext("Paste {n} account", "Paste {n} accounts",
                          len(result.added)) if source_name
                 else ngettext("Import {n} account from CSV", "Import {n} accounts from CSV",
                               len(result.added))).format(n=show_number(len(result.added))))
            self.statusBar().showMessage(
                _("Imported {added}, merged {merged}, skipped {skipped}. Undo with Ctrl+Z.").format(
                    added=ngettext("{n} account", "{n} accounts", len(result.added)).format(
                        n=show_number(len(result.added))),
                    merged=show_number(len(result.merged)),
                    skipped=ngettext("{n} row", "{n} rows", len(result.skipped)).format(
                        n=show_number(len(result.skipped)))), 10000)

    def import_actuals(self) -> None:
        """A CRM export of activities, meetings or opportunities into the plan's actuals, through
        the mapping and checks of ``ActualsImportDialog``, as one undoable edit."""
        from ui.actuals_import_dialog import ActualsImportDialog  # noqa: PLC0415 - rarely

        path = dialogs.ask_open_csv_file(self, _("Import actuals from a CRM export"))
        if not path:
            return
        dialog = ActualsImportDialog(self.document.plan, path, self.actuals_reader, self)
        dialog.load()
        outcome = dialog.outcome if _exec(dialog) else None
        if outcome is None or outcome.actuals_after is None:
            return
        found = outcome.found
        self.document.set_actuals(outcome.actuals_after,
                                  _("Import actuals from {name}").format(
                                      name=Path(found.source).name))
        self.statusBar().showMessage(
            _("Imported {new} new facts ({updated} updated) from {name}. Undo with Ctrl+Z.").format(
                new=show_number(found.new), updated=show_number(found.updated),
                name=Path(found.source).name), 10000)

    def export_schedule(self, rep_id) -> None:
        from ui.schedule_dialog import ScheduleExportDialog  # noqa: PLC0415 - icalendar: rarely

        if not self.document.plan.reps:
            dialogs.show_info(self, _("Export schedule"), _("Add a rep with accounts first."))
            return
        _exec(ScheduleExportDialog(self.document.plan, rep_id, str(dialogs.documents_folder()),
                                   self))

    def about(self) -> None:
        dialogs.show_info(self, _("About Prospector"),
                          _("Prospector {value}\nA prospecting plan for your sales force, from "
                            "targets to a printed playbook.\n\nPlans are kept in {folder}").format(
                                value=__version__, folder=self.store.folder))

    # --- recent plans and settings -------------------------------------------------------------
    def _build_language_menu(self) -> None:
        """View > Language: the system's language or one chosen, kept in the settings and
        applied when the app starts again (every window, dialog and date field reads it)."""
        group = QActionGroup(self)
        stored = language.chosen(self.settings)
        for name, code in language.language_names():
            action = self.language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == stored)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))

    def choose_language(self, code: str) -> None:
        """Keep the language chosen for the next start, and say so."""
        if code == language.chosen(self.settings):
            return
        self.settings.setValue(language.SETTING, code)
        self.settings.sync()
        names = {c: n for n, c in language.language_names()}
        dialogs.show_info(self, _("Language"), (
            _("Prospector follows the system's language from its next start.")
            if code == language.SYSTEM else
            _("Prospector speaks {language} from its next start.").format(language=names[code])))

    def _recent(self) -> list[str]:
        """The plans opened last, newest first. QSettings gives one plan back as a string, not
        a list of one: each of its letters became a "plan" of the list, crowding out the real
        ones."""
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            value = [value]
        return [v for v in value or [] if isinstance(v, str)]

    def _remember_recent(self, plan) -> None:
        kept = {p.id for p in self.store.list_plans()}  # (letters kept before: let go)
        recent = [r for r in self._recent() if r != plan.id and r in kept]
        recent.insert(0, plan.id)
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self.settings.setValue("last_plan", plan.id)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        if not hasattr(self, "recent_menu"):
            return
        self.recent_menu.clear()
        names = {p.id: p.name for p in self.store.list_plans()}
        for plan_id in self._recent():
            if plan_id in names:
                action = self.recent_menu.addAction(names[plan_id])
                action.triggered.connect(lambda _=False, pid=plan_id: self.open_plan_id(pid))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _restore_settings(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("window_state")
        if state is not None:
            self.restoreState(state)
        else:  # first start: a narrow coach, the rest for the step being edited
            QTimer.singleShot(0, lambda: self.resizeDocks([self.coach_dock], [SIDE_PANEL],
                                                          Qt.Orientation.Horizontal))

    def _restore_step(self, plan_id: str) -> None:
        """The step the leader was on when the window closed, when it reopens the same plan."""
        last = self.settings.value(LAST_STEP)
        if isinstance(last, list) and len(last) == 2 and last[0] == plan_id \
                and last[1] in self.pages:
            self.navigator.setCurrentRow(list(self.pages).index(last[1]))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._shown_once:  # the render worker loads while the leader looks around
            self._shown_once = True
            QTimer.singleShot(0, self.preview.start_worker)
            QTimer.singleShot(0, self._arrange_docks)
            QTimer.singleShot(0, settle_memory)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._shown_once and (event.size().width() >= WIDE) != self._wide:
            self._arrange_docks()

    def _arrange_docks(self) -> None:
        """A window at least WIDE px wide: the preview beside the form, the coach under it; a
        narrower one: the preview and the coach share the right side, one tab each."""
        wide = self.width() >= WIDE
        if wide == self._wide:
            if not wide:  # (the first time: the panel as wide as what is in front needs)
                self._fit_side_panel(self.preview_dock.isVisible()
                                     and not self.preview_dock.visibleRegion().isEmpty())
            return
        self._wide = wide
        preview, coach = self.preview_dock, self.coach_dock
        if preview.isFloating() or coach.isFloating():
            return  # the leader placed them: left as they are
        if wide:  # (splitting a tabbed dock would add a tab: the coach is taken out first)
            self.removeDockWidget(coach)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, coach,
                               Qt.Orientation.Vertical)
            coach.show()
            preview.show()
            self.resizeDocks([preview], [max(self.width() * 2 // 5, 520)],
                             Qt.Orientation.Horizontal)
            self.resizeDocks([preview, coach], [self.height() * 2 // 3, self.height() // 3],
                             Qt.Orientation.Vertical)
        else:  # back to the narrow side panel the form's width was planned around; the
            self.tabifyDockWidget(coach, preview)  # preview stays in front: it was in view
            preview.raise_()
            self._fit_side_panel(True)

    def _fit_side_panel(self, preview_in_front: bool) -> None:
        """In a narrow window the coach and the preview share the side panel: 320 px for the
        coach, which the form's width was planned around, and 2/5 of the window for the preview
        (a page 300 px wide could not be read); the form keeps its minimum width."""
        if self._wide or not self._shown_once or self.preview_dock.isFloating() \
                or self.coach_dock.isFloating():
            return
        width = max(self.width() * 2 // 5, SIDE_PANEL) if preview_in_front else SIDE_PANEL
        self.resizeDocks([self.preview_dock if preview_in_front else self.coach_dock], [width],
                         Qt.Orientation.Horizontal)

    def closeEvent(self, event) -> None:
        if self.autosaver.stopped:  # closed already (a second close() is harmless)
            super().closeEvent(event)
            return
        commit_open_editor(within=self)  # a cell still being typed in is part of the plan
        self.autosaver.flush()
        if self.autosaver.blocked:  # the last save met a newer version: the leader chooses now
            self._conflict(self.autosaver.last_conflict)
            self.autosaver.flush()
        if self.save_error is not None:
            choice = dialogs.ask_unsaved_on_close(self, self.save_error)
            if choice == "export":
                if not self.export_plan_file():
                    event.ignore()
                    return
            elif choice != "discard":
                event.ignore()
                return
        unsaved = self.document.unsaved
        if unsaved is not None and self.save_error is not None:  # the leader chose to discard
            unsaved.saved(unsaved.mark())
        self.autosaver.stop()
        if unsaved is not None:
            unsaved.close()
        self.actuals_reader.cancel()
        self.actuals_reader.wait()
        self.week_by_week.review.stop()
        self.week_by_week.grid.model.counter.stop()
        self.week_by_week.grid.model.counter.wait()
        self.preview.shutdown()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        row = self.navigator.currentRow()
        if 0 <= row < len(self.pages):
            self.settings.setValue(LAST_STEP, [self.document.plan.id, list(self.pages)[row]])
        self.settings.sync()
        super().closeEvent(event)


def _exec(dialog) -> int:
    """Run a modal dialog, then let Qt delete it (a dialog parented to the window would
    otherwise live as long as the window: ten dialogs opened, ten kept)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


def _copy_name(name: str) -> str:
    suffix = _(" (my copy)")
    return name[: 200 - len(suffix)] + suffix


def settle_memory(everything: bool = False) -> None:
    """Leave the objects alive now (the app's modules, widgets and the open plan: ~85,000 with
    1,000 accounts, 100,000 facts more with an import) out of Python's cyclic garbage
    collection: a full collection walked them all, 0.1-1 s on the GUI thread, at a moment of the
    collector's choosing (while the leader types). The young objects are collected first (a few
    milliseconds); ``everything``: all of them, frozen or not (when another plan is opened: the
    last plan's objects are collected then, a full collection once)."""
    if everything:
        gc.unfreeze()
        gc.collect()
    else:
        gc.collect(1)
    gc.freeze()


def _hyphenated(line: str, fits: Callable[[str], bool], after: int = 5) -> tuple[str, str]:
    """``line`` broken inside a word, as the app's language hyphenates it, with the longest head
    that ``fits`` ("   ✓ · 5 Unterscheidungs-", "merkmale · ⚠ 1"): a long German compound is
    never cut with "…". ``("", "")`` when no hyphenation point fits. The words starting past
    ``after`` (a status line's indent and mark) are the ones broken."""
    dictionary = _hyphenation(language.current())
    words = [m for m in re.finditer(r"\S+", line) if m.start() >= after] if dictionary else []
    for word in reversed(words):  # the last word that starts in the room first
        points = list(dictionary.iterate(word.group())) if dictionary else []
        joints = [(head, tail) for head, tail in points if _JOINT.search(head)]
        for head, tail in joints or points:  # a compound at its joint ("Unterscheidungs-")
            if fits(line[:word.start()] + head + "-"):
                return line[:word.start()] + head + "-", tail + line[word.end():]
    return "", ""


# where a German compound joins (its first part ends in a linking s): the only place it breaks
_JOINT = re.compile(r"(ungs|heits|keits|tions|täts|lings|schafts)$")


@cache
def _hyphenation(spoken: str) -> pyphen.Pyphen | None:
    found = pyphen.language_fallback(spoken)
    return pyphen.Pyphen(lang=found) if found else None
