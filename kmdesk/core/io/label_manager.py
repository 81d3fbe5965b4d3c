"""Local Contexts Hub projects kept in the library: a community's own label wording and
language, cached so labels show and export offline."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, select

from kmdesk.core.io import localcontexts
from kmdesk.core.store import records as rec
from kmdesk.core.store.model import HubProject, LabelText

if TYPE_CHECKING:
    from kmdesk.core.store.library import Library


class LabelManager:
    """``library.labels``: the Hub projects this library has cached."""

    def __init__(self, library: Library) -> None:
        self.library = library

    def import_project(self, data: dict[str, Any]) -> localcontexts.HubProject:
        """Cache a Hub project (from a file or fetched online) with the community's own label
        wording and language, for offline use."""
        project = localcontexts.parse_project(data)
        with self.library.writing() as session:
            self.library.access.require_writer(session)
            session.merge(HubProject(unique_id=project.unique_id, title=project.title, fetched_at=rec.now(), data=data))
            session.execute(delete(LabelText).where(LabelText.project_id == project.unique_id))
            for label in project.labels + project.notices:
                session.add(LabelText(project_id=project.unique_id, code=label.code, name=label.name, text=label.text,
                                      language=label.language, community=label.community))
            self.library.audit.record(session, "labels_import", project.unique_id, {"labels": project.codes})
        return project

    def projects(self) -> list[dict[str, Any]]:
        """The cached projects, by title, with their labels' codes and wording."""
        with self.library.reading() as session:
            out = []
            for project in session.scalars(select(HubProject).order_by(HubProject.title)):
                texts = session.scalars(select(LabelText).where(LabelText.project_id == project.unique_id)).all()
                out.append({"unique_id": project.unique_id, "title": project.title, "fetched_at": project.fetched_at,
                            "codes": [t.code for t in texts],
                            "labels": [{"code": t.code, "name": t.name, "text": t.text, "language": t.language,
                                        "community": t.community} for t in texts]})
            return out
