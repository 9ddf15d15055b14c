"""Which CSV column holds which account field: suggested from the header, changeable by the user.

A mapping is ``{field key: column index}`` (indexes, not header names, because exports repeat header
names). Header names are compared folded: case, accents, spaces and punctuation ignored, so
"Billing City", "billing_city" and Salesforce's API name "BillingCity" are the same header.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..messages import Note, Number, Quoted, joined
from ..textnorm import fold
from .csv_source import CsvFileError, column_letter


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str
    help: str
    required: bool = False


FIELDS: tuple[ImportField, ...] = (
    ImportField("name", "Account name", "The company's name. Rows without one are skipped.", True),
    ImportField("website", "Website", "Used to recognise an account that is already in the plan."),
    ImportField("domain", "Domain", "Used as the website when the website is empty."),
    ImportField("industry", "Industry", ""),
    ImportField("employees", "Employees", "A whole number; ranges like 51-200 are left empty."),
    ImportField("annual_revenue", "Annual revenue",
                "Kept as written; a bare amount gets thousands separators."),
    ImportField("currency", "Revenue currency", "Written before the annual revenue."),
    ImportField("city", "City", ""),
    ImportField("country", "Country", ""),
    ImportField("owner", "Owner (rep)", "The rep whose name or email matches gets the account."),
    ImportField("tier", "Tier", "A, B or C (also Tier 1-3 or 1-3); empty = the default tier."),
    ImportField("why", "Why a target", ""),
    ImportField("notes", "Notes", ""),
)
FIELD_KEYS: tuple[str, ...] = tuple(f.key for f in FIELDS)

# Header names per field, best first (compared folded, see header_key): Salesforce report labels
# and API names, HubSpot export labels, plain English, and the German and French labels (the
# app's own German column names among them: rows copied from its table come back mapped).
ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("Account Name", "Company name", "Company", "Account", "Organization Name",
             "Organisation Name", "Organization", "Organisation", "Customer Name", "Customer",
             "Business Name", "Legal Name", "Name", "Firmenname", "Firma", "Unternehmen",
             "Unternehmensname", "Kunde", "Raison sociale", "Société", "Entreprise",
             "Nom de l'entreprise", "Nom du compte"),
    "website": ("Website", "Website URL", "Company Website", "Account Website", "URL",
                "Homepage", "Web", "Webseite", "Site web", "Site internet"),
    "domain": ("Company Domain Name", "Domain", "Domain Name", "Company Domain", "Website Domain",
               "Domaine"),
    "industry": ("Industry", "Industry Sector", "Primary Industry", "Sector", "Vertical",
                 "Branche", "Secteur", "Secteur d'activité"),
    "employees": ("Employees", "Number of Employees", "No. of Employees", "Employee Count",
                  "Employees Count", "Headcount", "Staff", "Company Size", "Mitarbeiter",
                  "Anzahl Mitarbeiter", "Mitarbeiteranzahl", "Beschäftigte", "Effectif",
                  "Nombre d'employés"),
    "annual_revenue": ("Annual Revenue", "Annual Revenue (converted)", "Revenue", "Turnover",
                       "Yearly Revenue", "Umsatz", "Jahresumsatz", "Chiffre d'affaires",
                       "Chiffre d'affaires annuel"),
    "currency": ("Annual Revenue Currency", "Currency", "Account Currency", "Currency ISO Code",
                 "Waehrung", "Währung", "Devise"),
    "city": ("City", "Billing City", "Shipping City", "HQ City", "Headquarters City", "Town",
             "Ort", "Stadt", "Rechnungsstadt", "Ville"),
    "country": ("Country", "Country/Region", "Billing Country", "Billing Country Code",
                "Country Code", "Shipping Country", "HQ Country", "Headquarters Country", "Land",
                "Rechnungsland", "Pays"),
    "owner": ("Account Owner", "Company owner", "Owner", "Owner Name", "Account Owner: Full Name",
              "HubSpot Owner", "Account Owner Email", "Owner Email", "Sales Rep", "Rep",
              "Account Manager", "Account Executive", "Assigned To", "Accountinhaber", "Inhaber",
              "Besitzer", "Verkäufer", "Verantwortlich (Verkäufer)", "Verantwortlich",
              "Responsable", "Propriétaire"),
    "tier": ("Tier", "Account Tier", "Target Tier", "Tiering", "Priority", "Account Priority",
             "ABC", "ABC Class", "ABC Classification", "Stufe", "Kundenstufe", "Priorität",
             "Prioritaet"),
    "why": ("Why", "Why a target", "Why Target", "Why this account", "Reason", "Rationale",
            "Warum", "Warum Zielkunde", "Grund", "Begründung", "Anlass", "Auslöser", "Raison",
            "Pourquoi"),
    "notes": ("Notes", "Note", "Description", "Account Description", "Company Description",
              "Comments", "Comment", "Notizen", "Bemerkung", "Bemerkungen", "Beschreibung",
              "Commentaire", "Commentaires"),
}
_NOT_IN_LOOSE_MATCH = ("parent", "ultimate", "previous", "former", "contact")


def header_key(header: str) -> str:
    """``"Billing Country/Region"`` -> ``"billingcountryregion"``."""
    return re.sub(r"[\W_]+", "", fold(header))


_ALIAS_KEYS = {field: tuple(header_key(a) for a in names) for field, names in ALIASES.items()}


def suggest_mapping(headers: Sequence[str]) -> dict[str, int]:
    """The columns that look like each field, by header name; each column is used once.

    First exact names (best alias first), then headers that contain a long alias, e.g.
    "Employees (total)" for employees. Fields with no column are left out.
    """
    keys = [header_key(h) for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for field in FIELD_KEYS:
        for alias in _ALIAS_KEYS[field]:
            index = next((i for i, k in enumerate(keys) if k == alias and i not in used), None)
            if index is not None:
                mapping[field] = index
                used.add(index)
                break
    for field in FIELD_KEYS:
        if field in mapping:
            continue
        for alias in _ALIAS_KEYS[field]:
            if len(alias) < 6:
                continue
            index = next((i for i, k in enumerate(keys) if i not in used and alias in k
                          and not k.endswith("id")
                          and not any(word in k for word in _NOT_IN_LOOSE_MATCH)), None)
            if index is not None:
                mapping[field] = index
                used.add(index)
                break
    return mapping


def resolve_mapping(mapping: Mapping[str, int | str | None], headers: Sequence[str],
                    source: str) -> dict[str, int]:
    """Check a mapping from the user (values: column index or header name; None = not used)."""
    resolved: dict[str, int] = {}
    for field, column in mapping.items():
        if field not in FIELD_KEYS:
            raise CsvFileError(source, Note("{field} is not a field accounts can be imported "
                                            "into", field=Quoted(field)),
                               Note("use one of {fields}", fields=", ".join(FIELD_KEYS)))
        if column is None or column == "":
            continue
        if isinstance(column, int) and not isinstance(column, bool):
            if not 0 <= column < len(headers):
                raise CsvFileError(source, Note("the {field} column is number {number}, but the "
                                                "file has {n} columns", field=field,
                                                number=column + 1, n=Number(len(headers))))
            resolved[field] = column
            continue
        wanted = str(column).strip()
        matches = [i for i, h in enumerate(headers) if h == wanted]
        matches = matches or [i for i, h in enumerate(headers) if fold(h) == fold(wanted)]
        matches = matches or [i for i, _ in enumerate(headers)
                              if column_letter(i) == wanted.upper()]
        if not matches:
            listed = joined([Quoted(h) for h in headers[:12]], ", ")
            raise CsvFileError(source, Note("has no column {wanted} (for {field}); its columns "
                                            "are {listed}", wanted=Quoted(wanted), field=field,
                                            listed=Note("{listed}...", listed=listed)
                                            if len(headers) > 12 else listed))
        resolved[field] = matches[0]
    return resolved
