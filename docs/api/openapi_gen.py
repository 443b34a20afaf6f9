#!/usr/bin/env python3
"""Writes docs/api/openapi.json, the API reference the server serves at /api/v1/openapi.json.

This script is the source: edit it, run `python3 docs/api/openapi_gen.py`, and commit both.
The http_tests unit test fails when a served route is missing from the document or the
document names a route the server lacks.
"""

import json
import os
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), "openapi.json")

# ---------------------------------------------------------------------------------------
# Small builders
# ---------------------------------------------------------------------------------------


def ref(name, kind="schemas"):
    return {"$ref": f"#/components/{kind}/{name}"}


def page_of(name):
    return ref(f"{name}Page")


PROBLEM_TYPES = {
    400: ("solicitud-mal-formada", "Solicitud mal formada"),
    401: ("autenticacion-requerida", "Autenticación requerida"),
    403: ("accion-no-permitida", "Acción no permitida"),
    404: ("no-encontrado", "No encontrado"),
    405: ("metodo-no-permitido", "Método no permitido"),
    409: ("conflicto-de-estado", "Conflicto con el estado actual"),
    413: ("contenido-demasiado-grande", "Contenido demasiado grande"),
    422: ("datos-invalidos", "Datos inválidos"),
    429: ("demasiados-intentos", "Demasiados intentos"),
    500: ("error-interno", "Error interno"),
    503: ("no-disponible", "Servicio no disponible"),
}


def problem_example(status, detail, errors=None):
    t, title = PROBLEM_TYPES[status]
    o = {"type": f"urn:sige:problema:{t}", "title": title, "status": status, "detail": detail}
    if errors:
        o["errors"] = [{"field": f, "message": m} for f, m in errors]
    return o


def problem(status, description, examples=None, headers=None):
    """An inline problem response. `examples`: list of (name, summary, detail, errors)."""
    content = {"schema": ref("Problem")}
    if examples:
        content["examples"] = {}
        for name, summary, detail, errors in examples:
            content["examples"][name] = {
                "summary": summary,
                "value": problem_example(status, detail, errors),
            }
    r = {"description": description, "content": {"application/problem+json": content}}
    if headers:
        r["headers"] = headers
    return r


def json_response(description, schema, example=None, examples=None, headers=None):
    content = {"schema": schema}
    if example is not None:
        content["example"] = example
    if examples:
        content["examples"] = examples
    r = {"description": description, "content": {"application/json": content}}
    if headers:
        r["headers"] = headers
    return r


def json_body(schema, required=True, examples=None, description=None):
    content = {"schema": schema}
    if examples:
        content["examples"] = examples
    b = {"required": required, "content": {"application/json": content}}
    if description:
        b["description"] = description
    return b


# Shared error responses, referenced from components/responses.
R401 = ref("Unauthorized", "responses")
R500 = ref("InternalError", "responses")
R503 = ref("Unavailable", "responses")


def std_errors(responses, signed_in=True, db=True):
    """Adds 401 (signed-in routes), 500 and 503 (routes that use storage)."""
    if signed_in:
        responses.setdefault("401", R401)
    responses["500"] = R500
    if db:
        responses["503"] = R503
    return dict(sorted(responses.items(), key=lambda kv: kv[0]))


def bad_json(optional_body=False):
    text = (
        "The body is not valid JSON or not a JSON object."
        if not optional_body
        else "The body is present but is not valid JSON or not a JSON object (an empty body is accepted)."
    )
    return problem(
        400,
        text,
        [
            ("malformed", "JSON mal formado", "El cuerpo no es JSON válido.", None),
            ("notObject", "No es un objeto", "El cuerpo debe ser un objeto JSON.", None),
        ],
    )


def too_large_json():
    return problem(
        413,
        "The JSON body exceeds the server's limit (1 MiB by default).",
        [("bodyTooLarge", "Cuerpo demasiado grande", "El cuerpo de la solicitud supera el límite de 1024 KB.", None)],
    )


CSRF_403 = (
    "Also 403 when the request is authenticated by the `sige_session` cookie and the "
    "`X-CSRF-Token` header is missing or does not match the session's `csrf_token`."
)

CSRF_EXAMPLE = (
    "csrf",
    "Falta el token CSRF",
    "Falta el token CSRF de la sesión (cabecera X-CSRF-Token) o no coincide.",
    None,
)

ADMIN_ONLY_EXAMPLE = ("adminOnly", "No es administrador", "Solo un administrador puede hacer esto.", None)

OUTSIDE_ROUTE_EXAMPLE = (
    "outsideRoute",
    "Fuera de la ruta",
    "El expediente no pasó por su unidad: no tiene acceso a su detalle.",
    None,
)

DOSSIER_NOT_FOUND_EXAMPLE = ("dossierNotFound", "Expediente inexistente u oculto", "El expediente no existe.", None)

VISIBILITY_TEXT = (
    "The dossier must be visible to the caller: ADMIN and AUTHORITY see every dossier; "
    "other profiles see the dossiers on their route (registered by their unit or in the name "
    "of their unit as desk, or sent to their unit by a transfer that was not reverted; with "
    "`sees_subunits`, the same for the units below theirs). A dossier outside the caller's "
    "route answers 403 when it is not reserved and 404 when it is reserved (its existence is "
    "not disclosed); a dossier that does not exist, or a non-numeric id, answers 404."
)


def dossier_404():
    return problem(
        404,
        "The dossier does not exist, the id is not a positive number, or the dossier is reserved and outside the caller's route.",
        [DOSSIER_NOT_FOUND_EXAMPLE],
    )


# ---------------------------------------------------------------------------------------
# Examples
# ---------------------------------------------------------------------------------------

EX_APPLICANT = {
    "name": "José Núñez",
    "id_type": "DNI",
    "id_number": "45678912",
    "email": "jose.nunez@correo.pe",
    "phone": "+51 987 654 321",
    "address": "Av. Arequipa 1234, Lince, Lima",
    "consent": True,
}

EX_DOSSIER = {
    "id": 1367,
    "code": "1367-GSC-2026",
    "number": 1367,
    "letters": "GSC",
    "year": 2026,
    "organization_id": 1,
    "organization": {"id": 1, "name": "Municipalidad Distrital de San Isidro"},
    "type_id": 2,
    "type": {"id": 2, "name": "Licencia de funcionamiento"},
    "summary": "Solicita licencia de funcionamiento para bodega en Av. Arequipa 1234",
    "origin": "external",
    "reserved": False,
    "priority": "normal",
    "instrument_number": "Carta N.° 015-2026",
    "folios": 12,
    "volumes": 1,
    "procedure_id": None,
    "applicant": EX_APPLICANT,
    "state": "in_process",
    "custody_unit_id": 14,
    "custody_unit": {"id": 14, "name": "Subgerencia de Licencias Comerciales"},
    "custody_permission": "WRITE",
    "custody_since": "2026-03-10T09:02:11-05:00",
    "registered_unit_id": 4,
    "registered_unit": {"id": 4, "name": "Mesa de Partes"},
    "desk_unit_id": 4,
    "desk_unit": {"id": 4, "name": "Mesa de Partes"},
    "in_transit": False,
    "pending_transfer": None,
    "created_at": "2026-03-09T10:15:42-05:00",
    "updated_at": "2026-03-10T09:02:11-05:00",
    "created_by": 2,
    "annulment_request": None,
    "annulment": None,
    "allowed_actions": ["edit", "transfer", "archive", "request_annulment", "upload", "annotate"],
}

EX_DOSSIER_CREATED = dict(EX_DOSSIER)
EX_DOSSIER_CREATED.update(
    {
        "state": "registered",
        "folios": 12,
        "custody_unit_id": 4,
        "custody_unit": {"id": 4, "name": "Mesa de Partes"},
        "custody_since": "2026-03-09T10:15:42-05:00",
        "updated_at": "2026-03-09T10:15:42-05:00",
        "allowed_actions": ["edit", "transfer", "archive", "request_annulment", "upload", "annotate"],
        "tracking_token": "q3Zr8VdKx1NwTb5uYhLm0A",
        "pin": "482913",
    }
)

EX_DOSSIER_INPUT = {
    "type_id": 2,
    "summary": "Solicita licencia de funcionamiento para bodega en Av. Arequipa 1234",
    "origin": "external",
    "reserved": False,
    "priority": "normal",
    "letters": "GSC",
    "instrument_number": "Carta N.° 015-2026",
    "folios": 12,
    "volumes": 1,
    "applicant": EX_APPLICANT,
}

EX_DOSSIER_INTERNAL_INPUT = {
    "type_id": 11,
    "summary": "Informe técnico sobre la inspección de la obra en Calle Los Pinos 250",
    "origin": "internal",
    "reserved": True,
    "priority": "urgent",
    "folios": 5,
}

EX_TRANSFER = {
    "id": 5012,
    "dossier_id": 1367,
    "dossier_code": "1367-GSC-2026",
    "dossier_summary": "Solicita licencia de funcionamiento para bodega en Av. Arequipa 1234",
    "from_unit_id": 4,
    "from_unit": {"id": 4, "name": "Mesa de Partes"},
    "to_unit_id": 14,
    "to_unit": {"id": 14, "name": "Subgerencia de Licencias Comerciales"},
    "action": "attend",
    "permission": "WRITE",
    "folios_added": 2,
    "volumes_added": 0,
    "notes": "Se adjunta plano de ubicación. Atender con prioridad.",
    "state": "pending",
    "sent_at": "2026-03-09T16:40:05-05:00",
    "sent_by": 2,
    "sent_by_name": "María Quispe Huamán",
    "received_at": None,
    "received_by": None,
    "reverted_at": None,
    "revert_reason": "",
    "delivery_note_id": None,
    "waiting_seconds": 3725,
}

EX_TRANSFER_RECEIVED = dict(EX_TRANSFER)
EX_TRANSFER_RECEIVED.update({"state": "received", "received_at": "2026-03-10T09:02:11-05:00", "received_by": 3})
del EX_TRANSFER_RECEIVED["waiting_seconds"]

EX_TRANSFER_REVERTED = dict(EX_TRANSFER)
EX_TRANSFER_REVERTED.update(
    {
        "state": "reverted",
        "reverted_at": "2026-03-09T17:05:00-05:00",
        "revert_reason": "Se envió por error a otra subgerencia.",
    }
)
del EX_TRANSFER_REVERTED["waiting_seconds"]

EX_TRANSFER_INPUT = {
    "to_unit": 14,
    "action": "attend",
    "permission": "WRITE",
    "folios_added": 2,
    "volumes_added": 0,
    "notes": "Se adjunta plano de ubicación. Atender con prioridad.",
}

EX_DELIVERY_NOTE = {
    "id": 88,
    "delivery_note_id": 88,
    "code": "R-12-2026",
    "organization_name": "Municipalidad Distrital de San Isidro",
    "from_unit": {"id": 4, "name": "Mesa de Partes"},
    "to_unit": {"id": 7, "name": "Gerencia de Desarrollo Urbano"},
    "created_at": "2026-03-11T11:20:00-05:00",
    "created_by": 2,
    "created_by_name": "María Quispe Huamán",
    "transfers": [
        dict(
            EX_TRANSFER,
            id=5020,
            dossier_id=1370,
            dossier_code="1370-2026",
            dossier_summary="Solicita licencia de edificación para vivienda unifamiliar",
            to_unit_id=7,
            to_unit={"id": 7, "name": "Gerencia de Desarrollo Urbano"},
            action="review",
            folios_added=0,
            notes="",
            sent_at="2026-03-11T11:20:00-05:00",
            delivery_note_id=88,
            waiting_seconds=0,
        ),
        dict(
            EX_TRANSFER,
            id=5021,
            dossier_id=1371,
            dossier_code="1371-2026",
            dossier_summary="Solicita constancia de posesión del predio en Jr. Las Camelias 455",
            to_unit_id=7,
            to_unit={"id": 7, "name": "Gerencia de Desarrollo Urbano"},
            action="review",
            folios_added=0,
            notes="",
            sent_at="2026-03-11T11:20:00-05:00",
            delivery_note_id=88,
            waiting_seconds=0,
        ),
    ],
}

EX_ATTACHMENT = {
    "id": 301,
    "dossier_id": 1367,
    "name": "plano-ubicación.pdf",
    "content_type": "application/pdf",
    "size": 284113,
    "sha256": "9f2c1b7e4d3a8c6f0e5b2a1d7c9e8f3a6b4d2c1e0f9a8b7c6d5e4f3a2b1c0d9e",
    "version": 1,
    "uploaded_by": 2,
    "created_at": "2026-03-09T10:21:07-05:00",
}

EX_ANNOTATION = {
    "id": 77,
    "dossier_id": 1367,
    "text": "El administrado llamó para consultar el estado. Se le indicó que está en evaluación.",
    "author": "María Quispe Huamán",
    "author_id": 2,
    "created_at": "2026-03-10T11:45:30-05:00",
}

EX_HISTORY = [
    {
        "seq": 1041,
        "at": "2026-03-09T10:15:42-05:00",
        "actor": "mesa1",
        "action": "dossier.registered",
        "entity": "dossier",
        "entity_id": 1367,
        "details": {
            "after": {
                "code": "1367-GSC-2026",
                "type_id": 2,
                "summary": "Solicita licencia de funcionamiento para bodega en Av. Arequipa 1234",
                "origin": "external",
                "reserved": False,
                "priority": "normal",
                "state": "registered",
                "custody_unit_id": 4,
                "custody_permission": "WRITE",
            }
        },
    },
    {
        "seq": 1058,
        "at": "2026-03-09T16:40:05-05:00",
        "actor": "mesa1",
        "action": "transfer.sent",
        "entity": "transfer",
        "entity_id": 5012,
        "details": {
            "after": {
                "from_unit_id": 4,
                "to_unit_id": 14,
                "action": "attend",
                "permission": "WRITE",
                "folios_added": 2,
                "volumes_added": 0,
                "notes": "Se adjunta plano de ubicación. Atender con prioridad.",
                "state": "pending",
            }
        },
    },
    {
        "seq": 1102,
        "at": "2026-03-10T09:02:11-05:00",
        "actor": "oficina1",
        "action": "transfer.received",
        "entity": "transfer",
        "entity_id": 5012,
        "details": {
            "before": {"state": "pending", "folios": 12},
            "after": {"state": "received", "custody_unit_id": 14, "folios": 14},
        },
    },
]

EX_UNIT = {
    "id": 4,
    "name": "Mesa de Partes",
    "code": "MP",
    "organization_id": 1,
    "parent_id": 2,
    "is_desk": True,
    "active": True,
}

EX_ORGANIZATION = {
    "id": 1,
    "code": "MDSI",
    "name": "Municipalidad Distrital de San Isidro",
    "time_zone": "America/Lima",
}

EX_DOSSIER_TYPE = {
    "id": 2,
    "code": "LICFUN",
    "name": "Licencia de funcionamiento",
    "origin": "external",
    "organization_id": 1,
    "active": True,
}

EX_USER = {
    "id": 2,
    "username": "mesa1",
    "name": "María Quispe Huamán",
    "email": "mesa1@demo.sige.pe",
    "profile": "DESK",
    "unit_id": 4,
    "unit": {"id": 4, "name": "Mesa de Partes"},
    "organization_id": 1,
    "active": True,
    "sees_subunits": False,
    "created_at": "2026-01-05T08:30:00-05:00",
}

EX_ME = {
    "user": {
        "id": 2,
        "username": "mesa1",
        "name": "María Quispe Huamán",
        "email": "mesa1@demo.sige.pe",
        "profile": "DESK",
    },
    "unit": {"id": 4, "name": "Mesa de Partes"},
    "organization": {"id": 1, "name": "Municipalidad Distrital de San Isidro"},
}

EX_SESSION = {
    "token": "Jx8s0VqZkP3mW7rT1yB5nC9dF2hL6gA4eR0uI8oQ3tY",
    "csrf_token": "hT4kW9zQ2mX7pL1vB6nR3sD8yF0gJ5aE",
    "expires_at": "2026-03-09T20:15:42-05:00",
    "me": EX_ME,
}

TIMESTAMP_DESC = "ISO 8601 instant with UTC offset, in the server's display time zone (default America/Lima)."


def ts(desc=TIMESTAMP_DESC, nullable=False, example=None):
    s = {"type": ["string", "null"] if nullable else "string", "format": "date-time", "description": desc}
    if example is not None:
        s["examples"] = [example]
    return s


def integer(desc=None, minimum=None, maximum=None, nullable=False, default=None, example=None, fmt="int64"):
    s = {"type": ["integer", "null"] if nullable else "integer"}
    if fmt:
        s["format"] = fmt
    if minimum is not None:
        s["minimum"] = minimum
    if maximum is not None:
        s["maximum"] = maximum
    if default is not None:
        s["default"] = default
    if desc:
        s["description"] = desc
    if example is not None:
        s["examples"] = [example]
    return s


def string(desc=None, min_length=None, max_length=None, pattern=None, enum=None, default=None,
           example=None, fmt=None, nullable=False):
    s = {"type": ["string", "null"] if nullable else "string"}
    if fmt:
        s["format"] = fmt
    if enum:
        s["enum"] = enum
    if min_length is not None:
        s["minLength"] = min_length
    if max_length is not None:
        s["maxLength"] = max_length
    if pattern:
        s["pattern"] = pattern
    if default is not None:
        s["default"] = default
    if desc:
        s["description"] = desc
    if example is not None:
        s["examples"] = [example]
    return s


def boolean(desc=None, default=None):
    s = {"type": "boolean"}
    if default is not None:
        s["default"] = default
    if desc:
        s["description"] = desc
    return s


def obj(props, required=None, desc=None, additional=None, title=None):
    s = {"type": "object"}
    if title:
        s["title"] = title
    if desc:
        s["description"] = desc
    if required:
        s["required"] = required
    s["properties"] = props
    if additional is not None:
        s["additionalProperties"] = additional
    return s


def nullable_ref(name, desc=None):
    s = {"oneOf": [ref(name), {"type": "null"}]}
    if desc:
        s["description"] = desc
    return s


# ---------------------------------------------------------------------------------------
# Schemas
# ---------------------------------------------------------------------------------------

STATES = ["registered", "in_process", "observed", "resolved", "archived", "annulled"]
ACTIONS = ["attend", "opinion", "sign", "archive", "knowledge", "report", "review", "notify"]
PERMISSIONS = ["READ", "WRITE"]
PROFILES = ["ADMIN", "DESK", "OFFICE", "LOADER", "VIEWER", "AUTHORITY"]
ID_TYPES = ["DNI", "RUC", "CE", "PASSPORT"]
PRIORITIES = ["normal", "urgent"]
ORIGINS = ["external", "internal"]
TRANSFER_STATES = ["pending", "received", "reverted"]
ALLOWED_ACTIONS = [
    "edit",
    "transfer",
    "archive",
    "resolve",
    "unarchive",
    "request_annulment",
    "annul",
    "upload",
    "annotate",
    "receive",
]

CODE_PATTERN = "^[A-Za-z0-9_-]{1,20}$"
CODE_DESC = (
    "1 to 20 upper-case letters, digits, '-' or '_'. Trimmed and upper-cased (ASCII) before "
    "checking, so 'mp' is stored as 'MP'. Errors: 422 `catalog.code` (format), "
    "`catalog.code_taken` (already used)."
)
NAME_DESC = "Required, 1 to 200 characters (trimmed), no control characters."

schemas = {}

schemas["Problem"] = obj(
    {
        "type": string(
            "Stable identifier of the kind of problem, one per HTTP status; clients may switch on it.",
            enum=[f"urn:sige:problema:{t}" for t, _ in PROBLEM_TYPES.values()],
            example="urn:sige:problema:datos-invalidos",
        ),
        "title": string("Short Spanish title of the status.", example="Datos inválidos"),
        "status": integer("The HTTP status code.", fmt="int32", example=422),
        "detail": string(
            "What happened, in Spanish. For field errors it starts with the first field's path and "
            "counts the others: \"summary: Debe tener al menos 3 caracteres. (y 1 dato(s) más)\".",
            example="applicant.id_number: El DNI tiene 8 dígitos. (y 1 dato(s) más)",
        ),
        "errors": {
            "type": "array",
            "description": "Present when specific fields are at fault (always for 422; also for the "
            "element of a bulk operation that failed, e.g. `dossier_ids[1]`, and for 413 on upload).",
            "items": ref("FieldError"),
        },
    },
    required=["type", "title", "status", "detail"],
    desc="RFC 9457 problem details (`application/problem+json`). Texts are in Spanish.",
)
schemas["Problem"]["examples"] = [
    problem_example(
        422,
        "applicant.id_number: El DNI tiene 8 dígitos. (y 1 dato(s) más)",
        [
            ("applicant.id_number", "El DNI tiene 8 dígitos."),
            ("summary", "Debe tener al menos 3 caracteres."),
        ],
    )
]

schemas["FieldError"] = obj(
    {
        "field": string(
            "JSON path of the field as the client wrote it: `summary`, `applicant.id_number`, "
            "`dossier_ids[2]`, `ids[0]`, or a query parameter name (`per_page`).",
            example="applicant.id_number",
        ),
        "message": string("Spanish message for that field.", example="El DNI tiene 8 dígitos."),
    },
    required=["field", "message"],
)

schemas["Ref"] = obj(
    {"id": integer("Identifier.", example=4), "name": string("Display name.", example="Mesa de Partes")},
    required=["id", "name"],
    desc="A reference to another record by id, with its name for display.",
)

ID_NUMBER_RULES = [
    ("DNI", "^[0-9]{8}$"),
    ("RUC", "^(10|15|17|20)[0-9]{9}$"),
    ("CE", "^[A-Za-z0-9]{9,12}$"),
    ("PASSPORT", "^[A-Za-z0-9]{6,12}$"),
]

schemas["Applicant"] = obj(
    {
        "name": string("Full name or company name.", example="José Núñez"),
        "id_type": string("Kind of identity document.", enum=ID_TYPES, example="DNI"),
        "id_number": string("Identity document number, upper-case.", example="45678912"),
        "email": string("E-mail, or empty. Omitted in limited views.", example="jose.nunez@correo.pe"),
        "phone": string("Phone, or empty. Omitted in limited views.", example="+51 987 654 321"),
        "address": string("Address, or empty. Omitted in limited views.", example="Av. Arequipa 1234, Lince, Lima"),
        "consent": boolean("Agreed to be notified by e-mail of registration, every transfer and archive. Omitted in limited views."),
    },
    required=["name", "id_type", "id_number"],
    desc="The person or company that filed an external dossier (administrado), as the API returns it. "
    "In the limited view of a global search only `name`, `id_type` and `id_number` are present.",
)

schemas["ApplicantInput"] = {
    "type": "object",
    "description": "The applicant of an external dossier. Texts are trimmed; `id_number` is upper-cased "
    "before it is checked against `id_type`: DNI 8 digits; RUC 11 digits starting with 10, 15, 17 or 20 "
    "and ending in its modulo-11 check digit; CE (carné de extranjería) 9 to 12 ASCII letters or digits; "
    "PASSPORT 6 to 12 ASCII letters or digits.",
    "required": ["name", "id_type", "id_number"],
    "properties": {
        "name": string(
            "2 to 200 characters, no control characters (422 `field.too_short`, `field.too_long`, "
            "`field.bad_characters`).",
            min_length=2,
            max_length=200,
            example="José Núñez",
        ),
        "id_type": string("Kind of identity document (422 `field.enum`; `field.required` when absent).",
                          enum=ID_TYPES, example="DNI"),
        "id_number": string(
            "Document number; the rule depends on `id_type` (422 `identity.dni`, `identity.ruc`, "
            "`identity.ce`, `identity.passport`).",
            min_length=1,
            max_length=12,
            example="45678912",
        ),
        "email": string(
            "Optional. At most 254 bytes, one '@' not at the start, a '.' in the domain neither right "
            "after the '@' nor at the end, no spaces (422 `field.email`).",
            max_length=254,
            pattern="^$|^[^@ ]+@[^@ .][^@ ]*\\.[^@ ]+$",
            example="jose.nunez@correo.pe",
        ),
        "phone": string(
            "Optional. 6 to 15 digits; spaces, '+', '-', '(' and ')' are allowed between them "
            "(422 `field.phone`).",
            pattern="^$|^[ +()-]*([0-9][ +()-]*){6,15}$",
            example="+51 987 654 321",
        ),
        "address": string("Optional. At most 300 characters, no control characters.", max_length=300,
                          example="Av. Arequipa 1234, Lince, Lima"),
        "consent": boolean("Optional, default false. The applicant agrees to be told by e-mail of the registration "
                           "(with the receipt PDF attached), of every transfer (naming the destination unit) and of "
                           "the archive. Needs `email` (422 `dossier.consent_needs_email` on `applicant.email`).",
                           default=False),
    },
    "allOf": [
        {
            "if": {"properties": {"id_type": {"const": t}}, "required": ["id_type"]},
            "then": {"properties": {"id_number": {"pattern": p}}},
        }
        for t, p in ID_NUMBER_RULES
    ],
    "examples": [
        EX_APPLICANT,
        {"name": "Constructora Los Andes S.A.C.", "id_type": "RUC", "id_number": "20100070970",
         "email": "", "phone": "", "address": "Jr. Huallaga 320, Cercado de Lima"},
    ],
}


def dossier_input_props(register):
    props = {
        "type_id": integer(
            "Dossier type of the dossier's organisation. Must exist in that organisation (422 "
            "`dossier.type_unknown`), be active (`dossier.type_inactive`) and have the dossier's origin "
            "(`dossier.type_not_external`, `dossier.type_not_internal`).",
            example=2,
        ),
        "summary": string(
            "Extract (sumilla): 3 to 500 characters after trimming, no control characters.",
            min_length=3,
            max_length=500,
            example="Solicita licencia de funcionamiento para bodega en Av. Arequipa 1234",
        ),
        "origin": string(
            "external (filed by an applicant) or internal (produced by a unit)."
            + ("" if register else " Fixed once registered: a different value is 422 `dossier.origin_fixed`."),
            enum=ORIGINS,
            example="external",
        ),
        "reserved": boolean(
            "Reserved dossiers are hidden (404) from users outside their route." if register
            else "Reserved dossiers are hidden (404) from users outside their route.",
            default=False if register else None,
        ),
        "priority": string("Priority.", enum=PRIORITIES, default="normal" if register else None, example="normal"),
        "letters": string(
            "Distinctive letters of the code (\"1367-GSC-2026\"): up to 10 ASCII letters or digits, "
            "upper-cased (422 `dossier.letters`; `dossier.code_taken` when the resulting code exists)."
            if register
            else "The distinctive letters are part of the code and cannot change: a value different from "
            "the current one is 422 `dossier.letters_fixed`.",
            max_length=10,
            pattern="^[A-Za-z0-9]{0,10}$",
            example="GSC",
        ),
        "instrument_number": string(
            "Number of the document that started the dossier (e.g. the applicant's letter): at most 50 "
            "characters.",
            max_length=50,
            example="Carta N.° 015-2026",
        ),
        "folios": integer(
            "Number of folios (sheets)." + (" Defaults to 0." if register else " Replaces the running total."),
            minimum=0,
            maximum=1000000,
            fmt="int32",
            default=0 if register else None,
            example=12,
        ),
        "volumes": integer(
            "Number of volumes." + (" Defaults to 1." if register else " Replaces the running total."),
            minimum=0,
            maximum=1000,
            fmt="int32",
            default=1 if register else None,
            example=1,
        ),
        "procedure_id": integer(
            "Procedure of the TUPA catalogue. The catalogue is not available yet, so any value is "
            "rejected with 422 `dossier.procedure_unknown`; omit it or send null.",
            nullable=True,
        ),
        "applicant": ref("ApplicantInput"),
    }
    if register:
        props["unit_id"] = integer(
            "Unit where the dossier is registered. Required for ADMIN (422 `dossier.unit_required`); "
            "other users register at their own unit and may only name that one (403 `access.other_unit`). "
            "Must exist and be active (422 `unit.unknown`).",
            example=4,
        )
    return props


schemas["DossierInput"] = {
    "type": "object",
    "description": "Body of `POST /api/v1/dossiers`. `null` is the same as an absent field. The applicant "
    "is required for external dossiers (422 `dossier.applicant_required`).",
    "required": ["type_id", "summary", "origin"],
    "properties": dossier_input_props(True),
    "if": {"properties": {"origin": {"const": "external"}}, "required": ["origin"]},
    "then": {"required": ["applicant"]},
    "examples": [EX_DOSSIER_INPUT, EX_DOSSIER_INTERNAL_INPUT],
}

schemas["DossierPatch"] = {
    "type": "object",
    "description": "Body of `PATCH /api/v1/dossiers/{id}`: only the fields present change (absent or null "
    "fields are kept). `origin` and `letters` may be sent only with their current values. A new "
    "`applicant` replaces the whole applicant.",
    "properties": dossier_input_props(False),
    "examples": [{"summary": "Solicita licencia de funcionamiento para bodega y venta de abarrotes", "folios": 15,
                  "priority": "urgent"}],
}

schemas["Dossier"] = obj(
    {
        "id": integer("Identifier.", example=1367),
        "code": string("Code: number[-letters]-year.", example="1367-GSC-2026"),
        "number": integer("Correlative number per organisation and year.", example=1367),
        "letters": string("Distinctive letters of the code, or empty.", example="GSC"),
        "year": integer("Year of registration, in the organisation's time zone.", fmt="int32", example=2026),
        "organization_id": integer("Organisation that owns the dossier.", example=1),
        "organization": ref("Ref"),
        "type_id": integer("Dossier type.", example=2),
        "type": ref("Ref"),
        "summary": string("Extract (sumilla).", example="Solicita licencia de funcionamiento para bodega en Av. Arequipa 1234"),
        "origin": string("Origin.", enum=ORIGINS),
        "reserved": boolean("Reserved: hidden from users outside its route."),
        "priority": string("Priority.", enum=PRIORITIES),
        "instrument_number": string("Number of the originating document. Omitted in limited views."),
        "folios": integer("Running total of folios: each reception adds the transfer's `folios_added`.", fmt="int32"),
        "volumes": integer("Running total of volumes: each reception adds the transfer's `volumes_added`.", fmt="int32"),
        "procedure_id": integer("Procedure of the TUPA catalogue, if any.", nullable=True),
        "applicant": nullable_ref("Applicant", "The applicant; null for internal dossiers without one."),
        "state": string("State of the dossier.", enum=STATES),
        "custody_unit_id": integer("Unit that holds the dossier now."),
        "custody_unit": ref("Ref"),
        "custody_permission": string("What the holding unit may do: WRITE (edit, archive, upload) or READ.", enum=PERMISSIONS),
        "custody_since": ts("Since when the current unit holds it. " + TIMESTAMP_DESC),
        "registered_unit_id": integer("Unit whose user registered the dossier."),
        "registered_unit": ref("Ref"),
        "desk_unit_id": integer("Desk (mesa de partes) in whose name it was registered."),
        "desk_unit": ref("Ref"),
        "in_transit": boolean("True while a transfer awaits reception; nobody may change it meanwhile."),
        "pending_transfer": {
            "oneOf": [
                obj(
                    {
                        "id": integer("Transfer id."),
                        "to_unit": ref("Ref"),
                        "sent_at": ts(),
                        "action": string("Requested action.", enum=ACTIONS),
                    },
                    required=["id", "to_unit", "sent_at", "action"],
                ),
                {"type": "null"},
            ],
            "description": "The transfer awaiting reception, or null.",
        },
        "created_at": ts(),
        "updated_at": ts(),
        "created_by": integer("User who registered it."),
        "annulment_request": {
            "oneOf": [ref("AnnulmentRecord"), {"type": "null"}],
            "description": "The pending or past request to annul, or null.",
        },
        "annulment": {
            "oneOf": [ref("AnnulmentRecord"), {"type": "null"}],
            "description": "The annulment, or null.",
        },
        "allowed_actions": {
            "type": "array",
            "description": "What the caller may do with the dossier now (for showing buttons); empty in limited views.",
            "items": string(enum=ALLOWED_ACTIONS),
        },
        "tracking_token": string(
            "Secret of the public tracking link and QR code. Present only in the answer that creates the "
            "dossier and, on reads, for ADMIN and users of the registering unit or its desk."
        ),
        "pin": string("6-digit PIN for public tracking by code + PIN. Present when `tracking_token` is.", pattern="^[0-9]{6}$"),
    },
    required=[
        "id", "code", "number", "letters", "year", "organization_id", "organization", "type_id", "type",
        "summary", "origin", "reserved", "priority", "folios", "volumes", "procedure_id", "applicant",
        "state", "custody_unit_id", "custody_unit", "custody_permission", "custody_since",
        "registered_unit_id", "registered_unit", "desk_unit_id", "desk_unit", "in_transit",
        "pending_transfer", "created_at", "updated_at", "created_by", "annulment_request", "annulment",
        "allowed_actions",
    ],
    desc="A dossier (expediente). In a global search, dossiers outside the caller's route come in a limited "
    "view: without `instrument_number`, with only the applicant's name and identity document, and with no "
    "`allowed_actions`.",
)
schemas["Dossier"]["examples"] = [EX_DOSSIER]

schemas["AnnulmentRecord"] = obj(
    {
        "at": ts(),
        "by": integer("User who asked for or made the annulment.", nullable=True),
        "reason": string("Reason given, possibly empty."),
    },
    required=["at", "by", "reason"],
)

schemas["ReasonInput"] = obj(
    {
        "reason": string(
            "Optional reason: at most 1000 characters; line breaks allowed, other control characters not.",
            max_length=1000,
            example="Registrado dos veces por error; el expediente válido es el 1368-2026.",
        )
    },
    desc="Optional body of the state changes. The body itself may be empty.",
)

schemas["Transfer"] = obj(
    {
        "id": integer("Identifier.", example=5012),
        "dossier_id": integer("Dossier transferred."),
        "dossier_code": string("Code of the dossier.", example="1367-GSC-2026"),
        "dossier_summary": string("Summary of the dossier."),
        "from_unit_id": integer("Sending unit."),
        "from_unit": ref("Ref"),
        "to_unit_id": integer("Receiving unit (may belong to another organisation)."),
        "to_unit": ref("Ref"),
        "action": string("What the receiver is asked to do (proveído).", enum=ACTIONS),
        "permission": string("Permission the receiving unit gets on reception.", enum=PERMISSIONS),
        "folios_added": integer("Folios added with this transfer.", fmt="int32"),
        "volumes_added": integer("Volumes added with this transfer.", fmt="int32"),
        "notes": string("Notes for the receiver, possibly empty."),
        "state": string("pending until received; reverted when ADMIN undid it.", enum=TRANSFER_STATES),
        "sent_at": ts(),
        "sent_by": integer("User who sent it."),
        "sent_by_name": string("Name of that user.", example="María Quispe Huamán"),
        "received_at": ts(nullable=True),
        "received_by": integer("User who received it.", nullable=True),
        "reverted_at": ts(nullable=True),
        "revert_reason": string("Reason of the revert, or empty."),
        "delivery_note_id": integer("Delivery note (remito) it belongs to, if sent in bulk.", nullable=True),
        "waiting_seconds": integer("Seconds since it was sent; present only while pending."),
    },
    required=[
        "id", "dossier_id", "dossier_code", "dossier_summary", "from_unit_id", "from_unit", "to_unit_id",
        "to_unit", "action", "permission", "folios_added", "volumes_added", "notes", "state", "sent_at",
        "sent_by", "sent_by_name", "received_at", "received_by", "reverted_at", "revert_reason",
        "delivery_note_id",
    ],
    desc="A transfer (pase) of a dossier from one unit to another. Custody moves on reception.",
)
schemas["Transfer"]["examples"] = [EX_TRANSFER]


def transfer_input_props():
    return {
        "to_unit": integer(
            "Destination unit; may be in another organisation. Required (422 `field.required`); must exist "
            "(`unit.unknown`), be active (`unit.inactive`) and differ from the unit that holds the dossier "
            "(`transfer.same_unit`).",
            example=14,
        ),
        "action": string("What the receiver is asked to do.", enum=ACTIONS, example="attend"),
        "permission": string("Permission the receiving unit gets.", enum=PERMISSIONS, default="WRITE"),
        "folios_added": integer("Folios added with the transfer.", minimum=0, maximum=100000, default=0, fmt="int32"),
        "volumes_added": integer("Volumes added with the transfer.", minimum=0, maximum=100, default=0, fmt="int32"),
        "notes": string(
            "Notes for the receiver: at most 1000 characters; line breaks allowed.",
            max_length=1000,
            default="",
        ),
    }


schemas["TransferInput"] = {
    "type": "object",
    "description": "Body of `POST /api/v1/dossiers/{id}/transfers`.",
    "required": ["to_unit", "action"],
    "properties": transfer_input_props(),
    "examples": [EX_TRANSFER_INPUT],
}

bulk_props = {
    "dossier_ids": {
        "type": "array",
        "description": "Dossiers to send, 1 to 500, without repetitions (422 `transfer.repeated` at "
        "`dossier_ids[i]`). All must leave from the same unit (422 `transfer.bulk_other_unit`).",
        "minItems": 1,
        "maxItems": 500,
        "uniqueItems": True,
        "items": integer(minimum=1),
        "examples": [[1370, 1371]],
    }
}
bulk_props.update(transfer_input_props())
schemas["BulkTransferInput"] = {
    "type": "object",
    "description": "Body of `POST /api/v1/transfers/bulk`: the dossiers and one transfer request applied to all.",
    "required": ["dossier_ids", "to_unit", "action"],
    "properties": bulk_props,
    "examples": [{"dossier_ids": [1370, 1371], "to_unit": 7, "action": "review", "permission": "WRITE"}],
}

schemas["ReceiveInput"] = obj(
    {
        "ids": {
            "type": "array",
            "description": "Transfers to receive, 1 to 500.",
            "minItems": 1,
            "maxItems": 500,
            "items": integer(minimum=1),
            "examples": [[5020, 5021]],
        }
    },
    required=["ids"],
    desc="Body of `POST /api/v1/transfers/receive`.",
)

schemas["DeliveryNote"] = obj(
    {
        "id": integer("Identifier.", example=88),
        "delivery_note_id": integer("Same as `id`.", example=88),
        "code": string("Code, numbered per sending unit and year.", example="R-12-2026"),
        "organization_name": string("Organisation of the sending unit."),
        "from_unit": ref("Ref"),
        "to_unit": ref("Ref"),
        "created_at": ts(),
        "created_by": integer("User who sent it."),
        "created_by_name": string("Name of that user."),
        "transfers": {"type": "array", "items": ref("Transfer")},
    },
    required=[
        "id", "delivery_note_id", "code", "organization_name", "from_unit", "to_unit", "created_at",
        "created_by", "created_by_name", "transfers",
    ],
    desc="A delivery note (remito): one printable list of several transfers to the same unit.",
)
schemas["DeliveryNote"]["examples"] = [EX_DELIVERY_NOTE]

schemas["Attachment"] = obj(
    {
        "id": integer("Identifier.", example=301),
        "dossier_id": integer("Dossier it belongs to."),
        "name": string("File name as given in `?name=`.", example="plano-ubicación.pdf"),
        "content_type": string("Media type detected from the content (not taken from the client).",
                               example="application/pdf"),
        "size": integer("Size in bytes.", example=284113),
        "sha256": string("SHA-256 of the content, lower-case hex; also the download's ETag.",
                         pattern="^[0-9a-f]{64}$"),
        "version": integer("1 for the first upload of a name; uploads with the same name are new versions.",
                           fmt="int32", minimum=1),
        "uploaded_by": integer("User who uploaded it."),
        "created_at": ts(),
    },
    required=["id", "dossier_id", "name", "content_type", "size", "sha256", "version", "uploaded_by", "created_at"],
    desc="A file attached to a dossier.",
)
schemas["Attachment"]["examples"] = [EX_ATTACHMENT]

schemas["Annotation"] = obj(
    {
        "id": integer("Identifier.", example=77),
        "dossier_id": integer("Dossier it belongs to."),
        "text": string("The note."),
        "author": string("Name of the author.", example="María Quispe Huamán"),
        "author_id": integer("User who wrote it."),
        "created_at": ts(),
    },
    required=["id", "dossier_id", "text", "author", "author_id", "created_at"],
    desc="An internal note on a dossier.",
)
schemas["Annotation"]["examples"] = [EX_ANNOTATION]

schemas["AnnotationInput"] = obj(
    {
        "text": string(
            "1 to 4000 characters after trimming; line breaks allowed, other control characters not "
            "(422 `field.required`, `field.too_long`, `field.bad_characters`).",
            min_length=1,
            max_length=4000,
            example="El administrado llamó para consultar el estado. Se le indicó que está en evaluación.",
        )
    },
    required=["text"],
)

schemas["HistoryEvent"] = obj(
    {
        "seq": integer("Position in the audit chain."),
        "at": ts(),
        "actor": string("Username at the time, or \"sistema\".", example="mesa1"),
        "action": string(
            "What happened, e.g. dossier.registered, dossier.edited, dossier.read, transfer.sent, "
            "transfer.received, transfer.reverted, dossier.archived, dossier.unarchived, "
            "dossier.annulment_requested, dossier.annulled, attachment.uploaded, attachment.read, "
            "annotation.added, annotation.removed.",
            example="transfer.sent",
        ),
        "entity": string("Kind of record the event is about.", example="transfer"),
        "entity_id": integer("Its id."),
        "details": obj(
            {
                "before": {"description": "Changed fields before (JSON object), when the event records them."},
                "after": {"description": "Changed fields after (JSON object), when the event records them."},
            },
            desc="The fields the event changed.",
        ),
    },
    required=["seq", "at", "actor", "action", "entity", "entity_id", "details"],
    desc="One event of a dossier's audit trail.",
)
schemas["HistoryEvent"]["examples"] = [EX_HISTORY[2]]

schemas["User"] = obj(
    {
        "id": integer("Identifier.", example=2),
        "username": string("Login name.", example="mesa1"),
        "name": string("Full name.", example="María Quispe Huamán"),
        "email": string("E-mail, possibly empty."),
        "profile": string("Profile.", enum=PROFILES),
        "unit_id": integer("Unit the user works in; null only for ADMIN.", nullable=True),
        "unit": nullable_ref("Ref", "The unit, or null."),
        "organization_id": integer("Organisation of the unit.", nullable=True),
        "active": boolean("False when deactivated (users are never deleted)."),
        "sees_subunits": boolean("Also sees the dossiers of the units below theirs."),
        "created_at": ts(),
    },
    required=["id", "username", "name", "email", "profile", "unit_id", "unit", "organization_id", "active",
              "sees_subunits", "created_at"],
)
schemas["User"]["examples"] = [EX_USER]

USERNAME_PATTERN = "^[a-z0-9._-]{3,40}$"

schemas["UserInput"] = {
    "type": "object",
    "description": "Body of `POST /api/v1/users`. Every profile but ADMIN needs a unit (422 "
    "`user.unit_required`); an ADMIN never has one (a given `unit_id` is dropped).",
    "required": ["username", "name", "profile", "password"],
    "properties": {
        "username": string(
            "3 to 40 characters: lower-case ASCII letters, digits, '.', '-' or '_' (422 `user.username`); "
            "unique (422 `user.username_taken`).",
            min_length=3,
            max_length=40,
            pattern=USERNAME_PATTERN,
            example="mesa3",
        ),
        "name": string(NAME_DESC, min_length=1, max_length=200, example="Ana Torres Quispe"),
        "email": string("E-mail (not checked).", example="atorres@munisanisidro.gob.pe"),
        "profile": string("Profile.", enum=PROFILES, example="DESK"),
        "unit_id": integer("Unit; must exist and be active (422 `unit.unknown`, `unit.inactive`).",
                           nullable=True, example=4),
        "password": string("At least 8 characters, at most 1024 bytes (422 `user.password_short`).",
                           min_length=8, max_length=1024, fmt="password"),
        "active": boolean("Active account.", default=True),
        "sees_subunits": boolean("Also sees the dossiers of the units below theirs.", default=False),
    },
    "if": {"properties": {"profile": {"not": {"const": "ADMIN"}}}, "required": ["profile"]},
    "then": {"required": ["unit_id"]},
    "examples": [{"username": "mesa3", "name": "Ana Torres Quispe", "email": "atorres@munisanisidro.gob.pe",
                  "profile": "DESK", "unit_id": 4, "password": "Cambiar.2026"}],
}

schemas["UserPatch"] = obj(
    {
        "name": string(NAME_DESC, min_length=1, max_length=200),
        "email": string("E-mail (not checked)."),
        "profile": string("Profile.", enum=PROFILES),
        "unit_id": integer("Unit; null removes it (allowed only for ADMIN).", nullable=True),
        "password": string("New password: at least 8 characters, at most 1024 bytes. Ends all the user's "
                           "sessions.", min_length=8, max_length=1024, fmt="password"),
        "active": boolean("false deactivates the account and ends its sessions."),
        "sees_subunits": boolean("Also sees the dossiers of the units below theirs."),
    },
    desc="Body of `PATCH /api/v1/users/{id}`: only the fields present change. `username` cannot change "
    "(422 `user.username_fixed`). An ADMIN cannot deactivate themself or drop their own ADMIN profile "
    "(422 `user.not_yourself`).",
)
schemas["UserPatch"]["examples"] = [{"active": False}, {"profile": "OFFICE", "unit_id": 7}]

schemas["Unit"] = obj(
    {
        "id": integer("Identifier.", example=4),
        "name": string("Name.", example="Mesa de Partes"),
        "code": string("Code, unique within the organisation.", example="MP"),
        "organization_id": integer("Organisation."),
        "parent_id": integer("Unit above it in the tree; null at the root.", nullable=True),
        "is_desk": boolean("A desk (mesa de partes) registers and formally receives and sends."),
        "active": boolean("Inactive units cannot receive transfers nor register dossiers."),
    },
    required=["id", "name", "code", "organization_id", "parent_id", "is_desk", "active"],
    desc="A node of an organisation's tree of units.",
)
schemas["Unit"]["examples"] = [EX_UNIT]

schemas["UnitInput"] = obj(
    {
        "organization_id": integer("Organisation (422 `field.required`, `organization.not_found`).", example=1),
        "parent_id": integer("Unit above, of the same organisation (422 `unit.parent_other_organization`).",
                             nullable=True, example=7),
        "code": string(CODE_DESC + " Unique within the organisation.", min_length=1, max_length=20,
                       pattern=CODE_PATTERN, example="SFU"),
        "name": string(NAME_DESC, min_length=1, max_length=200, example="Subgerencia de Fiscalización Urbana"),
        "is_desk": boolean("Is a desk (mesa de partes).", default=False),
        "active": boolean("Active.", default=True),
    },
    required=["organization_id", "code", "name"],
    desc="Body of `POST /api/v1/units`.",
)

schemas["UnitPatch"] = obj(
    {
        "name": string(NAME_DESC, min_length=1, max_length=200),
        "is_desk": boolean("Is a desk."),
        "active": boolean("Active."),
    },
    desc="Body of `PATCH /api/v1/units/{id}`. `code`, `organization_id` and `parent_id` cannot change "
    "(sending any of them, even null for `parent_id`, is 422 `unit.fixed_field`).",
)

schemas["Organization"] = obj(
    {
        "id": integer("Identifier.", example=1),
        "code": string("Short acronym, unique.", example="MDSI"),
        "name": string("Name.", example="Municipalidad Distrital de San Isidro"),
        "time_zone": string("IANA time zone; sets the year of its dossier codes.", example="America/Lima"),
    },
    required=["id", "code", "name", "time_zone"],
)
schemas["Organization"]["examples"] = [EX_ORGANIZATION]

schemas["OrganizationInput"] = obj(
    {
        "code": string(CODE_DESC + " Unique.", min_length=1, max_length=20, pattern=CODE_PATTERN, example="GRC"),
        "name": string(NAME_DESC, min_length=1, max_length=200, example="Gobierno Regional del Cusco"),
        "time_zone": string("IANA time zone name (422 `catalog.time_zone`); defaults to the server's.",
                            example="America/Lima"),
    },
    required=["code", "name"],
    desc="Body of `POST /api/v1/organizations`.",
)

schemas["DossierType"] = obj(
    {
        "id": integer("Identifier.", example=2),
        "code": string("Code, unique within the organisation.", example="LICFUN"),
        "name": string("Name.", example="Licencia de funcionamiento"),
        "origin": string("Origin of the dossiers of this type.", enum=ORIGINS),
        "organization_id": integer("Organisation."),
        "active": boolean("Inactive types cannot be used for new dossiers."),
    },
    required=["id", "code", "name", "origin", "organization_id", "active"],
)
schemas["DossierType"]["examples"] = [EX_DOSSIER_TYPE]

schemas["DossierTypeInput"] = obj(
    {
        "organization_id": integer("Organisation (422 `field.required`, `organization.not_found`).", example=1),
        "code": string(CODE_DESC + " Unique within the organisation.", min_length=1, max_length=20,
                       pattern=CODE_PATTERN, example="CERPOS"),
        "name": string(NAME_DESC, min_length=1, max_length=200, example="Certificado de posesión"),
        "origin": string("Origin of its dossiers.", enum=ORIGINS, example="external"),
    },
    required=["organization_id", "code", "name", "origin"],
    desc="Body of `POST /api/v1/dossier-types`.",
)

schemas["DossierTypePatch"] = obj(
    {
        "name": string(NAME_DESC, min_length=1, max_length=200),
        "active": boolean("Active."),
    },
    desc="Body of `PATCH /api/v1/dossier-types/{id}`; other fields are ignored.",
)
schemas["DossierTypePatch"]["examples"] = [{"active": False}]

schemas["Me"] = obj(
    {
        "user": obj(
            {
                "id": integer("User id."),
                "username": string("Login name."),
                "name": string("Full name."),
                "email": string("E-mail, possibly empty."),
                "profile": string("Profile.", enum=PROFILES),
            },
            required=["id", "username", "name", "email", "profile"],
        ),
        "unit": nullable_ref("Ref", "The user's unit; null for ADMIN."),
        "organization": nullable_ref("Ref", "The unit's organisation; null for ADMIN."),
        "handles_submissions": boolean("Works the virtual desk's tray: ADMIN, or DESK/OFFICE at the main "
                                       "desk of the organisation."),
    },
    required=["user", "unit", "organization"],
    desc="The signed-in user, their unit and organisation.",
)
schemas["Me"]["examples"] = [EX_ME]

schemas["LoginInput"] = obj(
    {
        "username": string("Login name.", example="mesa1"),
        "password": string("Password.", fmt="password", example="demo"),
    },
    required=["username", "password"],
)

schemas["Session"] = obj(
    {
        "token": string("Bearer token for `Authorization: Bearer <token>`; also the value of the `sige_session` cookie."),
        "csrf_token": string("Send it in the `X-CSRF-Token` header with every POST, PATCH or DELETE authenticated by the cookie."),
        "expires_at": ts("When the session ends (12 hours after login by default). " + TIMESTAMP_DESC),
        "me": ref("Me"),
    },
    required=["token", "csrf_token", "expires_at", "me"],
)
schemas["Session"]["examples"] = [EX_SESSION]

schemas["Health"] = obj({"status": string("Always \"ok\".", enum=["ok"])}, required=["status"])


def page_schema(item, desc):
    return obj(
        {
            "items": {"type": "array", "items": ref(item)},
            "total": integer("Total number of items (all pages).", minimum=0),
        },
        required=["items", "total"],
        desc=desc,
    )


for item, desc in [
    ("Dossier", "A page of dossiers."),
    ("Transfer", "A list of transfers."),
    ("Attachment", "Every attachment of a dossier (all versions), unpaged."),
    ("Annotation", "Every annotation of a dossier that was not removed, unpaged."),
    ("HistoryEvent", "Every event of a dossier, oldest first, unpaged."),
    ("User", "Every user, unpaged."),
    ("Unit", "Units, unpaged."),
    ("Organization", "Every organisation, unpaged."),
    ("DossierType", "Dossier types, unpaged."),
]:
    schemas[f"{item}Page"] = page_schema(item, desc + " `{\"items\": [...], \"total\": N}`.")

schemas["DossierPage"]["examples"] = [{"items": [EX_DOSSIER], "total": 1}]
schemas["TransferPage"]["examples"] = [{"items": [EX_TRANSFER], "total": 1}]
schemas["HistoryEventPage"]["examples"] = [{"items": EX_HISTORY, "total": 3}]

# ---------------------------------------------------------------------------------------
# Parameters
# ---------------------------------------------------------------------------------------


def path_id(what, example):
    return {
        "name": "id",
        "in": "path",
        "required": True,
        "description": f"Identifier of the {what}: a positive integer (anything else answers 404).",
        "schema": integer(minimum=1),
        "example": example,
    }


parameters = {
    "DossierId": path_id("dossier", 1367),
    "TransferId": path_id("transfer", 5012),
    "UnitId": path_id("unit", 4),
    "UserId": path_id("user", 2),
    "DossierTypeId": path_id("dossier type", 2),
    "AttachmentId": path_id("attachment", 301),
    "AnnotationId": path_id("annotation", 77),
    "DeliveryNoteId": path_id("delivery note", 88),
    "Page": {
        "name": "page",
        "in": "query",
        "required": False,
        "description": "Page number, from 1 (422 `field.range` otherwise).",
        "schema": integer(minimum=1, maximum=1000000, default=1, fmt="int32"),
    },
    "PerPage": {
        "name": "per_page",
        "in": "query",
        "required": False,
        "description": "Items per page (422 `field.range` outside 1..500).",
        "schema": integer(minimum=1, maximum=500, default=50, fmt="int32"),
    },
    "OrganizationFilter": {
        "name": "organization",
        "in": "query",
        "required": False,
        "description": "Only those of this organisation (422 `field.type_integer` when not a positive "
        "integer; 404 when the organisation does not exist).",
        "schema": integer(minimum=1),
        "example": 1,
    },
    "TrayUnit": {
        "name": "unit",
        "in": "query",
        "required": False,
        "description": "Unit whose tray to list. ADMIN and AUTHORITY may name any unit; other users only "
        "their own (403 `access.other_unit`), which is also the default.",
        "schema": integer(minimum=1),
        "example": 14,
    },
}

DATE_SCHEMA = {
    "type": "string",
    "description": "YYYY-MM-DD or an ISO 8601 instant with offset or Z.",
    "anyOf": [
        {"format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        {"format": "date-time"},
    ],
}

# ---------------------------------------------------------------------------------------
# Headers and shared responses
# ---------------------------------------------------------------------------------------

headers = {
    "SetSessionCookie": {
        "description": "`sige_session=<token>; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200` "
        "(plus `Secure` when the public URL is https).",
        "schema": {"type": "string"},
    },
    "ClearSessionCookie": {
        "description": "`sige_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`: removes the cookie.",
        "schema": {"type": "string"},
    },
    "RetryAfter": {"description": "Seconds to wait before trying again.", "schema": integer(minimum=1, fmt="int32")},
    "XRequestId": {
        "description": "Identifier of the request, also written in the server's log.",
        "schema": {"type": "string"},
    },
}

responses = {
    "Unauthorized": {
        "description": "No valid credentials: no bearer token nor session cookie, an expired or closed "
        "session, or a deactivated account. Carries `WWW-Authenticate: Bearer`.",
        "headers": {"WWW-Authenticate": {"schema": {"type": "string", "const": "Bearer"}}},
        "content": {
            "application/problem+json": {
                "schema": ref("Problem"),
                "examples": {
                    "required": {"summary": "Sin credenciales",
                                 "value": problem_example(401, "Debe iniciar sesión.")},
                    "expired": {"summary": "Sesión expirada",
                                "value": problem_example(401, "La sesión no existe o expiró. Vuelva a iniciar sesión.")},
                    "inactive": {"summary": "Cuenta desactivada",
                                 "value": problem_example(401, "La cuenta está desactivada. Consulte con el administrador.")},
                },
            }
        },
    },
    "InternalError": {
        "description": "Unexpected error; the detail carries the request id written in the server log.",
        "content": {
            "application/problem+json": {
                "schema": ref("Problem"),
                "example": problem_example(500, "Ocurrió un error interno. Se registró con el identificador aZ9-1234."),
            }
        },
    },
    "Unavailable": {
        "description": "The storage is not available.",
        "content": {
            "application/problem+json": {
                "schema": ref("Problem"),
                "example": problem_example(503, "El almacenamiento no está disponible."),
            }
        },
    },
}

# ---------------------------------------------------------------------------------------
# Paths
# ---------------------------------------------------------------------------------------

paths = {}


def op(path, method, **kw):
    paths.setdefault(path, {})[method] = kw


PUBLIC = []

# ---- session --------------------------------------------------------------------------

op(
    "/api/v1/session", "post",
    tags=["Sesión"],
    operationId="login",
    summary="Iniciar sesión",
    description=(
        "Public. Checks the username and password and opens a session (12 hours by default). Answers "
        "200 with the bearer `token`, the `csrf_token`, `expires_at` and `me`, and sets the HttpOnly, "
        "SameSite=Strict cookie `sige_session` (Secure when the server's public URL is https). API clients "
        "send `Authorization: Bearer <token>`; browsers rely on the cookie and must send the `csrf_token` "
        "in `X-CSRF-Token` with every unsafe request. 401 for a wrong username or password (the answer "
        "does not say which) or a deactivated account. 429 after 5 failed attempts for the same username, "
        "or 20 from the same client address, within 15 minutes, with `Retry-After`."
    ),
    security=PUBLIC,
    requestBody=json_body(ref("LoginInput"), examples={"mesa1": {"summary": "Usuario de la mesa de partes",
                                                                 "value": {"username": "mesa1", "password": "demo"}}}),
    responses=std_errors({
        "200": json_response(
            "Session opened.", ref("Session"), example=EX_SESSION,
            headers={"Set-Cookie": ref("SetSessionCookie", "headers"),
                     "Cache-Control": {"schema": {"type": "string", "const": "no-store"}}},
        ),
        "400": bad_json(),
        "401": problem(401, "Wrong username or password, or deactivated account.", [
            ("badCredentials", "Credenciales incorrectas", "Usuario o contraseña incorrectos.", None),
            ("inactive", "Cuenta desactivada", "La cuenta está desactivada. Consulte con el administrador.", None),
        ]),
        "413": too_large_json(),
        "422": problem(422, "`username` or `password` missing or not a string.", [
            ("required", "Falta la contraseña", "password: Este dato es obligatorio.",
             [("password", "Este dato es obligatorio.")]),
        ]),
        "429": problem(429, "Too many failed attempts for this username or from this address.", [
            ("throttled", "Demasiados intentos",
             "Demasiados intentos fallidos. Espere 840 segundos antes de volver a intentar.", None),
        ], headers={"Retry-After": ref("RetryAfter", "headers")}),
    }, signed_in=False),
)

op(
    "/api/v1/session", "delete",
    tags=["Sesión"],
    operationId="logout",
    summary="Cerrar sesión",
    description=(
        "Any signed-in user. Ends the session used to authenticate this request and clears the "
        "`sige_session` cookie. 204 without a body. " + CSRF_403
    ),
    responses=std_errors({
        "204": {"description": "Session ended.", "headers": {"Set-Cookie": ref("ClearSessionCookie", "headers")}},
        "403": problem(403, "Cookie-authenticated request without a valid `X-CSRF-Token`.", [CSRF_EXAMPLE]),
    }),
)

op(
    "/api/v1/me", "get",
    tags=["Sesión"],
    operationId="getMe",
    summary="Usuario actual",
    description="Any signed-in user. Who the caller is: user (with profile), unit and organisation (null for ADMIN, who has no unit).",
    responses=std_errors({"200": json_response("The caller.", ref("Me"), example=EX_ME)}),
)

# ---- catalogue ------------------------------------------------------------------------

op(
    "/api/v1/organizations", "get",
    tags=["Catálogo"],
    operationId="listOrganizations",
    summary="Listar organizaciones",
    description="Any signed-in user. Every organisation (transfers may cross organisations), unpaged.",
    responses=std_errors({"200": json_response("The organisations.", page_of("Organization"),
                                               example={"items": [EX_ORGANIZATION, {"id": 2, "code": "GRC", "name": "Gobierno Regional del Cusco", "time_zone": "America/Lima"}], "total": 2})}),
)

op(
    "/api/v1/organizations", "post",
    tags=["Catálogo"],
    operationId="createOrganization",
    summary="Crear organización",
    description="ADMIN only (others 403). Creates an organisation; 201 with it. 422 for an invalid or repeated code, a missing name or an unknown time zone. " + CSRF_403,
    requestBody=json_body(ref("OrganizationInput"), examples={"gobierno": {"summary": "Gobierno regional", "value": {"code": "GRC", "name": "Gobierno Regional del Cusco", "time_zone": "America/Lima"}}}),
    responses=std_errors({
        "201": json_response("Created.", ref("Organization"), example=EX_ORGANIZATION),
        "400": bad_json(),
        "403": problem(403, "The caller is not ADMIN, or CSRF token missing.", [ADMIN_ONLY_EXAMPLE, CSRF_EXAMPLE]),
        "413": too_large_json(),
        "422": problem(422, "Invalid fields.", [
            ("codeTaken", "Código repetido", "code: Ya existe un registro con ese código.", [("code", "Ya existe un registro con ese código.")]),
            ("timeZone", "Zona horaria", "time_zone: La zona horaria no existe (use un nombre IANA, p. ej. America/Lima).",
             [("time_zone", "La zona horaria no existe (use un nombre IANA, p. ej. America/Lima).")]),
        ]),
    }),
)

op(
    "/api/v1/units", "get",
    tags=["Catálogo"],
    operationId="listUnits",
    summary="Listar unidades",
    description="Any signed-in user. The units (active and inactive) of every organisation, or of one with `?organization=`; unpaged. Build the tree with `parent_id`. 404 when the organisation does not exist; 422 when `organization` is not a positive integer.",
    parameters=[ref("OrganizationFilter", "parameters")],
    responses=std_errors({
        "200": json_response("The units.", page_of("Unit"), example={"items": [EX_UNIT], "total": 1}),
        "404": problem(404, "The organisation does not exist.", [("orgNotFound", "Organización inexistente", "La organización no existe.", None)]),
        "422": problem(422, "`organization` is not a positive integer.", [("badId", "Identificador inválido", "organization: Debe ser un número entero.", [("organization", "Debe ser un número entero.")])]),
    }),
)

op(
    "/api/v1/units", "post",
    tags=["Catálogo"],
    operationId="createUnit",
    summary="Crear unidad",
    description="ADMIN only (others 403). Creates a unit in an organisation's tree; 201 with it. 422 for a missing or unknown organisation, a parent of another organisation, an invalid code or one already used in the organisation, or a missing name. " + CSRF_403,
    requestBody=json_body(ref("UnitInput"), examples={"subgerencia": {"summary": "Nueva subgerencia", "value": {"organization_id": 1, "parent_id": 7, "code": "SFU", "name": "Subgerencia de Fiscalización Urbana"}}}),
    responses=std_errors({
        "201": json_response("Created.", ref("Unit"), example=dict(EX_UNIT, id=25, code="SFU", name="Subgerencia de Fiscalización Urbana", parent_id=7, is_desk=False)),
        "400": bad_json(),
        "403": problem(403, "The caller is not ADMIN, or CSRF token missing.", [ADMIN_ONLY_EXAMPLE, CSRF_EXAMPLE]),
        "413": too_large_json(),
        "422": problem(422, "Invalid fields.", [
            ("parent", "Unidad superior de otra organización", "parent_id: La unidad superior debe existir y ser de la misma organización.",
             [("parent_id", "La unidad superior debe existir y ser de la misma organización.")]),
        ]),
    }),
)

op(
    "/api/v1/units/{id}", "patch",
    tags=["Catálogo"],
    operationId="updateUnit",
    summary="Modificar unidad",
    description="ADMIN only (others 403). Changes a unit's name, desk flag or active flag; 200 with the unit. Code, organisation and parent are fixed (422). 404 when the unit does not exist. " + CSRF_403,
    parameters=[ref("UnitId", "parameters")],
    requestBody=json_body(ref("UnitPatch"), examples={"deactivate": {"summary": "Desactivar", "value": {"active": False}}}),
    responses=std_errors({
        "200": json_response("Updated.", ref("Unit"), example=EX_UNIT),
        "400": bad_json(),
        "403": problem(403, "The caller is not ADMIN, or CSRF token missing.", [ADMIN_ONLY_EXAMPLE, CSRF_EXAMPLE]),
        "404": problem(404, "The unit does not exist.", [("unitNotFound", "Unidad inexistente", "La unidad no existe.", None)]),
        "413": too_large_json(),
        "422": problem(422, "Invalid fields, or a fixed field was sent.", [
            ("fixed", "Campo fijo", "code: El código, la organización y la unidad superior no se pueden cambiar.",
             [("code", "El código, la organización y la unidad superior no se pueden cambiar.")]),
        ]),
    }),
)

op(
    "/api/v1/users", "get",
    tags=["Catálogo"],
    operationId="listUsers",
    summary="Listar usuarios",
    description="ADMIN only (others 403). Every user, active or not, unpaged.",
    responses=std_errors({
        "200": json_response("The users.", page_of("User"), example={"items": [EX_USER], "total": 1}),
        "403": problem(403, "The caller is not ADMIN.", [ADMIN_ONLY_EXAMPLE]),
    }),
)

op(
    "/api/v1/users", "post",
    tags=["Catálogo"],
    operationId="createUser",
    summary="Crear usuario",
    description="ADMIN only (others 403). Creates a user; 201 with it. Users are never deleted: deactivate them with PATCH. 422 for an invalid or taken username, a missing name or profile, a short password, or a missing, unknown or inactive unit for a profile other than ADMIN. " + CSRF_403,
    requestBody=json_body(ref("UserInput"), examples={"mesa": {"summary": "Usuaria de mesa de partes", "value": schemas["UserInput"]["examples"][0]}}),
    responses=std_errors({
        "201": json_response("Created.", ref("User"), example=dict(EX_USER, id=9, username="mesa3", name="Ana Torres Quispe", email="atorres@munisanisidro.gob.pe", created_at="2026-03-12T08:00:00-05:00")),
        "400": bad_json(),
        "403": problem(403, "The caller is not ADMIN, or CSRF token missing.", [ADMIN_ONLY_EXAMPLE, CSRF_EXAMPLE]),
        "413": too_large_json(),
        "422": problem(422, "Invalid fields.", [
            ("username", "Usuario inválido", "username: El usuario tiene de 3 a 40 caracteres: minúsculas, dígitos, punto, guion o guion bajo. (y 1 dato(s) más)",
             [("username", "El usuario tiene de 3 a 40 caracteres: minúsculas, dígitos, punto, guion o guion bajo."),
              ("password", "La contraseña debe tener al menos 8 caracteres.")]),
            ("unitRequired", "Falta la unidad", "unit_id: Todo usuario, salvo un administrador, pertenece a una unidad.",
             [("unit_id", "Todo usuario, salvo un administrador, pertenece a una unidad.")]),
        ]),
    }),
)

op(
    "/api/v1/users/{id}", "patch",
    tags=["Catálogo"],
    operationId="updateUser",
    summary="Modificar usuario",
    description="ADMIN only (others 403). Changes a user's name, e-mail, profile, unit, password, active and sees_subunits flags; 200 with the user. Deactivating the user or changing the password ends all of their sessions. 404 when the user does not exist; 422 for invalid fields, an attempt to change the username, or an ADMIN deactivating or demoting themself. " + CSRF_403,
    parameters=[ref("UserId", "parameters")],
    requestBody=json_body(ref("UserPatch"), examples={"deactivate": {"summary": "Desactivar la cuenta", "value": {"active": False}}}),
    responses=std_errors({
        "200": json_response("Updated.", ref("User"), example=EX_USER),
        "400": bad_json(),
        "403": problem(403, "The caller is not ADMIN, or CSRF token missing.", [ADMIN_ONLY_EXAMPLE, CSRF_EXAMPLE]),
        "404": problem(404, "The user does not exist.", [("userNotFound", "Usuario inexistente", "El usuario no existe.", None)]),
        "413": too_large_json(),
        "422": problem(422, "Invalid fields.", [
            ("notYourself", "A sí mismo", "active: No puede desactivarse ni quitarse el perfil de administrador a sí mismo.",
             [("active", "No puede desactivarse ni quitarse el perfil de administrador a sí mismo.")]),
        ]),
    }),
)

op(
    "/api/v1/dossier-types", "get",
    tags=["Catálogo"],
    operationId="listDossierTypes",
    summary="Listar tipos de expediente",
    description="Any signed-in user. The dossier-type catalogue (active and inactive types) of every organisation, or of one with `?organization=`; unpaged. 404 when the organisation does not exist; 422 when `organization` is not a positive integer.",
    parameters=[ref("OrganizationFilter", "parameters")],
    responses=std_errors({
        "200": json_response("The types.", page_of("DossierType"), example={"items": [EX_DOSSIER_TYPE, {"id": 11, "code": "INFORM", "name": "Informe", "origin": "internal", "organization_id": 1, "active": True}], "total": 2}),
        "404": problem(404, "The organisation does not exist.", [("orgNotFound", "Organización inexistente", "La organización no existe.", None)]),
        "422": problem(422, "`organization` is not a positive integer.", [("badId", "Identificador inválido", "organization: Debe ser un número entero.", [("organization", "Debe ser un número entero.")])]),
    }),
)

op(
    "/api/v1/dossier-types", "post",
    tags=["Catálogo"],
    operationId="createDossierType",
    summary="Crear tipo de expediente",
    description="ADMIN only (others 403). Adds a type to an organisation's catalogue; 201 with it. 422 for a missing or unknown organisation, an invalid or repeated code, a missing name or origin. " + CSRF_403,
    requestBody=json_body(ref("DossierTypeInput"), examples={"certificado": {"summary": "Tipo externo", "value": {"organization_id": 1, "code": "CERPOS", "name": "Certificado de posesión", "origin": "external"}}}),
    responses=std_errors({
        "201": json_response("Created.", ref("DossierType"), example=dict(EX_DOSSIER_TYPE, id=14, code="CERPOS", name="Certificado de posesión")),
        "400": bad_json(),
        "403": problem(403, "The caller is not ADMIN, or CSRF token missing.", [ADMIN_ONLY_EXAMPLE, CSRF_EXAMPLE]),
        "413": too_large_json(),
        "422": problem(422, "Invalid fields.", [
            ("origin", "Origen inválido", "origin: Valor no válido. Use uno de: external, internal.", [("origin", "Valor no válido. Use uno de: external, internal.")]),
        ]),
    }),
)

op(
    "/api/v1/dossier-types/{id}", "patch",
    tags=["Catálogo"],
    operationId="updateDossierType",
    summary="Modificar tipo de expediente",
    description="ADMIN only (others 403). Renames a type or (de)activates it; 200 with it. Inactive types cannot be used for new dossiers. 404 when the type does not exist. " + CSRF_403,
    parameters=[ref("DossierTypeId", "parameters")],
    requestBody=json_body(ref("DossierTypePatch")),
    responses=std_errors({
        "200": json_response("Updated.", ref("DossierType"), example=EX_DOSSIER_TYPE),
        "400": bad_json(),
        "403": problem(403, "The caller is not ADMIN, or CSRF token missing.", [ADMIN_ONLY_EXAMPLE, CSRF_EXAMPLE]),
        "404": problem(404, "The type does not exist.", [("typeNotFound", "Tipo inexistente", "El tipo de expediente no existe.", None)]),
        "413": too_large_json(),
        "422": problem(422, "Invalid fields.", [("name", "Nombre vacío", "name: Este dato es obligatorio.", [("name", "Este dato es obligatorio.")])]),
    }),
)

# ---- dossiers -------------------------------------------------------------------------

op(
    "/api/v1/dossiers", "post",
    tags=["Expedientes"],
    operationId="registerDossier",
    summary="Registrar expediente",
    description=(
        "ADMIN, DESK or OFFICE (LOADER, VIEWER and AUTHORITY get 403 `access.profile`). Registers a dossier "
        "at the caller's unit (ADMIN names it with `unit_id`), in the name of the nearest desk above it. "
        "It gets the next number of its organisation and year and the code number[-letters]-year; state "
        "`registered`, custody with WRITE at the registering unit. Answers 201 with the whole dossier, "
        "including `number`, `code`, `tracking_token` and `pin`. 403 also when the caller has no unit or "
        "names another unit. 422 lists every invalid field at once (required `type_id`, `summary`, "
        "`origin`; `applicant` for external dossiers, with an identity document valid for its type; "
        "lengths and ranges; a type of another organisation, inactive or of the other origin; letters "
        "that make an existing code). " + CSRF_403
    ),
    requestBody=json_body(ref("DossierInput"), examples={
        "external": {"summary": "Expediente externo (administrado con DNI)", "value": EX_DOSSIER_INPUT},
        "internal": {"summary": "Expediente interno reservado", "value": EX_DOSSIER_INTERNAL_INPUT},
    }),
    responses=std_errors({
        "201": json_response("Registered: the whole dossier, with its tracking token and PIN.", ref("Dossier"), example=EX_DOSSIER_CREATED),
        "400": bad_json(),
        "403": problem(403, "The profile may not register, the caller has no unit or names another unit, or CSRF token missing.", [
            ("profile", "Perfil sin permiso", "Su perfil no permite esta acción.", None),
            ("otherUnit", "Otra unidad", "Solo puede actuar en nombre de su propia unidad.", None),
            CSRF_EXAMPLE,
        ]),
        "413": too_large_json(),
        "422": problem(422, "Invalid or missing fields (all of them are listed).", [
            ("validation", "Varios datos inválidos", "applicant.id_number: El DNI tiene 8 dígitos. (y 1 dato(s) más)",
             [("applicant.id_number", "El DNI tiene 8 dígitos."), ("summary", "Debe tener al menos 3 caracteres.")]),
            ("applicantRequired", "Falta el administrado", "applicant: Un expediente externo necesita los datos del administrado.",
             [("applicant", "Un expediente externo necesita los datos del administrado.")]),
            ("codeTaken", "Código repetido", "letters: Ya existe un expediente con ese código: cambie las letras distintivas.",
             [("letters", "Ya existe un expediente con ese código: cambie las letras distintivas.")]),
        ]),
    }),
)

op(
    "/api/v1/dossiers", "get",
    tags=["Expedientes"],
    operationId="searchDossiers",
    summary="Buscar expedientes",
    description=(
        "Any signed-in user. Dossiers within the caller's scope, newest first, paged. ADMIN and AUTHORITY "
        "see every dossier, reserved ones included; other users the dossiers on their route (registered at "
        "their unit or in the name of their desk, or sent to their unit by a transfer not reverted; with "
        "`sees_subunits`, also the units below). With `global=true` (DESK, OFFICE, ADMIN, AUTHORITY; LOADER "
        "and VIEWER get 403 `access.no_global_query`) DESK and OFFICE also get the non-reserved dossiers "
        "outside their route, in the limited view (no `instrument_number`, applicant's contact data or "
        "`allowed_actions`). Filters combine with AND. 422 names every malformed parameter."
    ),
    parameters=[
        {"name": "q", "in": "query", "required": False,
         "description": "Text to find: the exact code, or words matched as prefixes (all of them) in the code, summary, applicant name and identity number, ignoring case and accents. At most 200 characters.",
         "schema": string(max_length=200), "example": "núñez licencia"},
        {"name": "state", "in": "query", "required": False,
         "description": "Only dossiers in this state, or in any of several states separated by commas "
                        "(`registered,in_process,observed,resolved`: the open ones). One of: " + ", ".join(STATES) + ".",
         "schema": {"type": "string", "pattern": "^(" + "|".join(STATES) + ")(,(" + "|".join(STATES) + "))*$"},
         "example": "registered,in_process"},
        {"name": "type", "in": "query", "required": False, "description": "Only dossiers of this type id.",
         "schema": integer(minimum=1), "example": 2},
        {"name": "unit", "in": "query", "required": False, "description": "Only dossiers held now (custody) by this unit id.",
         "schema": integer(minimum=1), "example": 14},
        {"name": "from", "in": "query", "required": False,
         "description": "Registered at or after: a date YYYY-MM-DD (start of that day in the server's display time zone) or an ISO 8601 instant with offset or Z.",
         "schema": DATE_SCHEMA, "example": "2026-03-01"},
        {"name": "to", "in": "query", "required": False,
         "description": "Registered before: a date YYYY-MM-DD includes that whole day; an ISO 8601 instant (with offset or Z) is exclusive.",
         "schema": DATE_SCHEMA, "example": "2026-03-31T23:59:59-05:00"},
        {"name": "reserved", "in": "query", "required": False, "description": "Only reserved (true) or only non-reserved (false) dossiers. Also accepts 1/0.",
         "schema": {"type": "boolean"}},
        {"name": "global", "in": "query", "required": False, "description": "Global query beyond the caller's route (see above). Also accepts 1/0.",
         "schema": {"type": "boolean", "default": False}},
        {"name": "in_transit", "in": "query", "required": False, "description": "Only dossiers with a transfer waiting for reception (true) or without one (false). Also accepts 1/0.",
         "schema": {"type": "boolean"}},
        {"name": "sort", "in": "query", "required": False, "description": "`newest` (default): last registered first. `priority`: urgent first, then the longest in custody first (the desk's \"En mi mesa\").",
         "schema": {"type": "string", "enum": ["newest", "priority"], "default": "newest"}},
        ref("Page", "parameters"),
        ref("PerPage", "parameters"),
    ],
    responses=std_errors({
        "200": json_response("A page of dossiers and the total that match.", page_of("Dossier"), example={"items": [EX_DOSSIER], "total": 1}),
        "403": problem(403, "`global=true` for a profile that may not query globally.", [
            ("noGlobal", "Sin consulta global", "Su perfil no permite la consulta global.", None)]),
        "422": problem(422, "Malformed parameters.", [
            ("params", "Parámetros inválidos", "state: Valor no válido. Use uno de: registered, in_process, observed, resolved, archived, annulled. (y 1 dato(s) más)",
             [("state", "Valor no válido. Use uno de: registered, in_process, observed, resolved, archived, annulled."),
              ("per_page", "Debe estar entre 1 y 500.")]),
        ]),
    }),
)

op(
    "/api/v1/dossiers/{id}", "get",
    tags=["Expedientes"],
    operationId="getDossier",
    summary="Ver expediente",
    description=(
        "Any signed-in user who can see the dossier. " + VISIBILITY_TEXT + " `tracking_token` and `pin` "
        "are included only for ADMIN and users of the registering unit or its desk. The read is recorded "
        "in the audit trail."
    ),
    parameters=[ref("DossierId", "parameters")],
    responses=std_errors({
        "200": json_response("The dossier.", ref("Dossier"), example=EX_DOSSIER),
        "403": problem(403, "The dossier is not reserved but did not pass through the caller's unit.", [OUTSIDE_ROUTE_EXAMPLE]),
        "404": dossier_404(),
    }),
)

op(
    "/api/v1/dossiers/{id}", "patch",
    tags=["Expedientes"],
    operationId="editDossier",
    summary="Editar expediente",
    description=(
        "ADMIN, or DESK/OFFICE whose own unit holds the dossier with WRITE permission; otherwise 403 "
        "(`access.profile`, `access.not_in_custody`, `access.read_only`). Only the fields present change; "
        "200 with the dossier. 409 when the dossier is annulled, archived or in transit (a transfer awaits "
        "reception). 422 for invalid fields, a changed `origin` or `letters`, or an unusable type. "
        + VISIBILITY_TEXT + " " + CSRF_403
    ),
    parameters=[ref("DossierId", "parameters")],
    requestBody=json_body(ref("DossierPatch"), examples={"summary": {"summary": "Corregir la sumilla y los folios", "value": schemas["DossierPatch"]["examples"][0]}}),
    responses=std_errors({
        "200": json_response("The edited dossier.", ref("Dossier"), example=EX_DOSSIER),
        "400": bad_json(),
        "403": problem(403, "Outside the caller's route, profile not allowed, dossier held by another unit or only with READ, or CSRF token missing.", [
            ("notInCustody", "No está en su unidad", "El expediente no está en poder de su unidad.", None),
            ("readOnly", "Solo lectura", "Su unidad recibió el expediente solo con permiso de lectura.", None),
            OUTSIDE_ROUTE_EXAMPLE, CSRF_EXAMPLE]),
        "404": dossier_404(),
        "409": problem(409, "The dossier is annulled, archived or in transit.", [
            ("inTransit", "En tránsito", "El expediente tiene un pase pendiente de recepción.", None),
            ("archived", "Archivado", "El expediente está archivado: desarchívelo antes de cambiarlo.", None),
            ("annulled", "Anulado", "El expediente está anulado: no admite cambios.", None)]),
        "413": too_large_json(),
        "422": problem(422, "Invalid fields.", [
            ("originFixed", "Origen fijo", "origin: El origen (externo o interno) no se puede cambiar.", [("origin", "El origen (externo o interno) no se puede cambiar.")])]),
    }),
)

op(
    "/api/v1/dossiers/{id}", "delete",
    tags=["Expedientes"],
    operationId="deleteDossier",
    summary="Eliminar expediente (no permitido)",
    description="Dossiers are never deleted: this always answers 405 with `Allow: GET, PATCH`, without checking credentials. To take a dossier out of circulation, request its annulment (`POST /api/v1/dossiers/{id}/annulment-request`).",
    security=PUBLIC,
    parameters=[ref("DossierId", "parameters")],
    responses={
        "405": problem(405, "Always.", [("notDeletable", "No se elimina", "Los expedientes nunca se eliminan. Solicite su anulación.", None)],
                       headers={"Allow": {"schema": {"type": "string", "const": "GET, PATCH"}}}),
    },
)

op(
    "/api/v1/dossiers/{id}/history", "get",
    tags=["Expedientes"],
    operationId="getDossierHistory",
    summary="Historial del expediente",
    description=(
        "Any signed-in user who can see the dossier. Every event of its audit trail (registration, edits, "
        "transfers, receptions, reverts, archive, annulment, attachments, annotations), oldest first, "
        "unpaged. Reads (`dossier.read`, `attachment.read`) are left out unless `include_reads=true`, which "
        "only ADMIN and AUTHORITY may ask for (others 403 `access.reads_for_auditors`). " + VISIBILITY_TEXT
    ),
    parameters=[
        ref("DossierId", "parameters"),
        {"name": "include_reads", "in": "query", "required": False, "description": "Also list who read the dossier and its files (ADMIN, AUTHORITY). Also accepts 1/0.",
         "schema": {"type": "boolean", "default": False}},
    ],
    responses=std_errors({
        "200": json_response("The events.", page_of("HistoryEvent"), example={"items": EX_HISTORY, "total": 3}),
        "403": problem(403, "Outside the caller's route, or `include_reads` asked by a profile other than ADMIN or AUTHORITY.", [
            OUTSIDE_ROUTE_EXAMPLE,
            ("readsForAuditors", "Consultas solo para auditores", "Solo un administrador o una autoridad puede ver las consultas del expediente.", None)]),
        "404": dossier_404(),
        "422": problem(422, "`include_reads` is not a boolean.", [("bool", "No es booleano", "include_reads: Debe ser verdadero o falso (true/false).", [("include_reads", "Debe ser verdadero o falso (true/false).")])]),
    }),
)


def state_change(suffix, op_id, summary, description, conflicts, forbidden_examples, forbidden_desc):
    op(
        f"/api/v1/dossiers/{{id}}/{suffix}", "post",
        tags=["Expedientes"],
        operationId=op_id,
        summary=summary,
        description=description + " " + VISIBILITY_TEXT + " " + CSRF_403,
        parameters=[ref("DossierId", "parameters")],
        requestBody=json_body(ref("ReasonInput"), required=False,
                              description="Optional; may be empty."),
        responses=std_errors({
            "200": json_response("The dossier after the change.", ref("Dossier")),
            "400": bad_json(optional_body=True),
            "403": problem(403, forbidden_desc, forbidden_examples + [OUTSIDE_ROUTE_EXAMPLE, CSRF_EXAMPLE]),
            "404": dossier_404(),
            "409": problem(409, conflicts[0], conflicts[1]),
            "413": too_large_json(),
            "422": problem(422, "`reason` is not a string, is longer than 1000 characters or has control characters.", [
                ("reasonTooLong", "Motivo demasiado largo", "reason: Admite como máximo 1000 caracteres.", [("reason", "Admite como máximo 1000 caracteres.")])]),
        }),
    )


IN_TRANSIT = ("inTransit", "En tránsito", "El expediente tiene un pase pendiente de recepción.", None)
ARCHIVED = ("archived", "Archivado", "El expediente está archivado: desarchívelo antes de cambiarlo.", None)
ANNULLED = ("annulled", "Anulado", "El expediente está anulado: no admite cambios.", None)
NOT_IN_CUSTODY = ("notInCustody", "No está en su unidad", "El expediente no está en poder de su unidad.", None)
READ_ONLY = ("readOnly", "Solo lectura", "Su unidad recibió el expediente solo con permiso de lectura.", None)
PROFILE = ("profile", "Perfil sin permiso", "Su perfil no permite esta acción.", None)

state_change(
    "archive", "archiveDossier", "Archivar expediente",
    "ADMIN, or DESK/OFFICE whose own unit holds the dossier with WRITE permission (else 403). Archives it "
    "(state `archived`, remembering the state before); 200 with the dossier. 409 when it is annulled, "
    "already archived or in transit. A `reason` may be sent but is not recorded.",
    ("The dossier is annulled, already archived or in transit.", [ARCHIVED, IN_TRANSIT, ANNULLED]),
    [PROFILE, NOT_IN_CUSTODY, READ_ONLY],
    "Outside the route, profile not allowed, dossier held by another unit or only with READ, or CSRF token missing.",
)
state_change(
    "resolve", "resolveDossier", "Resolver expediente (trámite concluido)",
    "ADMIN, or DESK/OFFICE whose own unit holds the dossier with WRITE permission (else 403). The "
    "procedure concluded: state `resolved`; the applicant who consented is told by e-mail. 200 with the "
    "dossier. 409 when it is annulled, archived, in transit or already resolved. A `reason` may be sent "
    "but is not recorded.",
    ("The dossier is annulled, archived, in transit or already resolved.", [ARCHIVED, IN_TRANSIT, ANNULLED,
     ("alreadyResolved", "Ya resuelto", "El expediente ya está resuelto.", None)]),
    [PROFILE, NOT_IN_CUSTODY, READ_ONLY],
    "Outside the route, profile not allowed, dossier held by another unit or only with READ, or CSRF token missing.",
)
state_change(
    "unarchive", "unarchiveDossier", "Desarchivar expediente",
    "ADMIN, or DESK/OFFICE whose own unit holds the dossier with WRITE permission (else 403). Reopens an "
    "archived dossier in the state it had before archiving; 200 with the dossier. 409 when it is not "
    "archived. A `reason` may be sent but is not recorded.",
    ("The dossier is not archived.", [("notArchived", "No archivado", "El expediente no está archivado.", None)]),
    [PROFILE, NOT_IN_CUSTODY, READ_ONLY],
    "Outside the route, profile not allowed, dossier held by another unit or only with READ, or CSRF token missing.",
)
state_change(
    "annulment-request", "requestDossierAnnulment", "Solicitar anulación",
    "ADMIN, or DESK/OFFICE whose own unit holds the dossier (READ or WRITE; else 403). Records a request "
    "to annul the dossier with its optional `reason`, for ADMIN to decide; 200 with the dossier "
    "(`annulment_request` set). 409 when it is already annulled or an annulment was already requested.",
    ("The dossier is annulled or its annulment was already requested.", [
        ANNULLED, ("alreadyRequested", "Ya solicitada", "Ya se solicitó la anulación de este expediente.", None)]),
    [PROFILE, NOT_IN_CUSTODY],
    "Outside the route, profile not allowed, dossier held by another unit, or CSRF token missing.",
)
state_change(
    "annul", "annulDossier", "Anular expediente",
    "ADMIN only (others 403 `access.admin_only`, or 403/404 first if the dossier is outside their route). "
    "Annuls the dossier, the only way out of circulation (nothing is deleted); without `reason`, the "
    "request's reason is kept. 200 with the dossier (state `annulled`, `annulment` set). 409 when it is "
    "already annulled or in transit.",
    ("The dossier is already annulled or in transit.", [ANNULLED, IN_TRANSIT]),
    [ADMIN_ONLY_EXAMPLE],
    "The caller is not ADMIN, the dossier is outside the route, or CSRF token missing.",
)

# ---- transfers ------------------------------------------------------------------------

op(
    "/api/v1/dossiers/{id}/transfers", "post",
    tags=["Pases"],
    operationId="sendTransfer",
    summary="Enviar pase",
    description=(
        "ADMIN, or DESK/OFFICE whose own unit holds the dossier (READ or WRITE custody; else 403 "
        "`access.profile`, `access.not_in_custody`). Sends the dossier to another unit, possibly of another "
        "organisation; 201 with the transfer, `pending` until the destination receives it. Meanwhile the "
        "dossier is in transit and nobody may change it; a `registered` dossier becomes `in_process`. 409 "
        "when the dossier is annulled, archived or already in transit. 422 for invalid fields, an unknown "
        "or inactive destination, or the unit that already holds it. " + VISIBILITY_TEXT + " " + CSRF_403
    ),
    parameters=[ref("DossierId", "parameters")],
    requestBody=json_body(ref("TransferInput"), examples={"attend": {"summary": "Pase para atención", "value": EX_TRANSFER_INPUT}}),
    responses=std_errors({
        "201": json_response("Sent.", ref("Transfer"), example=EX_TRANSFER),
        "400": bad_json(),
        "403": problem(403, "Outside the route, profile not allowed, dossier held by another unit, or CSRF token missing.", [PROFILE, NOT_IN_CUSTODY, OUTSIDE_ROUTE_EXAMPLE, CSRF_EXAMPLE]),
        "404": dossier_404(),
        "409": problem(409, "The dossier is annulled, archived or already in transit.", [IN_TRANSIT, ARCHIVED, ANNULLED]),
        "413": too_large_json(),
        "422": problem(422, "Invalid fields.", [
            ("validation", "Datos del pase", "action: Este dato es obligatorio. (y 1 dato(s) más)",
             [("action", "Este dato es obligatorio."), ("folios_added", "Debe estar entre 0 y 100000.")]),
            ("sameUnit", "Misma unidad", "to_unit: El expediente ya está en esa unidad.", [("to_unit", "El expediente ya está en esa unidad.")]),
        ]),
    }),
)

op(
    "/api/v1/dossiers/{id}/transfers", "get",
    tags=["Pases"],
    operationId="listDossierTransfers",
    summary="Pases del expediente",
    description="Any signed-in user who can see the dossier. Every transfer of the dossier (pending, received and reverted), unpaged. " + VISIBILITY_TEXT,
    parameters=[ref("DossierId", "parameters")],
    responses=std_errors({
        "200": json_response("The transfers.", page_of("Transfer"), example={"items": [EX_TRANSFER_RECEIVED], "total": 1}),
        "403": problem(403, "The dossier is not reserved but did not pass through the caller's unit.", [OUTSIDE_ROUTE_EXAMPLE]),
        "404": dossier_404(),
    }),
)

op(
    "/api/v1/transfers/bulk", "post",
    tags=["Pases"],
    operationId="sendBulkTransfer",
    summary="Enviar pases en bloque (remito)",
    description=(
        "Same rules as sending one transfer, for each dossier: ADMIN, or DESK/OFFICE whose unit holds every "
        "dossier. Sends several dossiers to one unit with one delivery note (remito) numbered per sending "
        "unit; 201 with the delivery note (its `id`, also as `delivery_note_id`) and its transfers. All or "
        "nothing: if one dossier fails, nothing is sent and the problem names it in `errors` "
        "(`dossier_ids[i]`) with that dossier's status (403, 404, 409 or 422). 422 also for an empty or "
        "oversized list, repeated dossiers, or dossiers held by different units. " + CSRF_403
    ),
    requestBody=json_body(ref("BulkTransferInput"), examples={"review": {"summary": "Dos expedientes a Desarrollo Urbano", "value": schemas["BulkTransferInput"]["examples"][0]}}),
    responses=std_errors({
        "201": json_response("Sent: the delivery note.", ref("DeliveryNote"), example=EX_DELIVERY_NOTE),
        "400": bad_json(),
        "403": problem(403, "For one of the dossiers (named in `errors`): outside the route, profile not allowed or not in the caller's custody; or CSRF token missing.", [
            ("notInCustody", "Uno no está en su unidad", "dossier_ids[1]: El expediente no está en poder de su unidad.",
             [("dossier_ids[1]", "El expediente no está en poder de su unidad.")]), CSRF_EXAMPLE]),
        "404": problem(404, "One of the dossiers (named in `errors`) does not exist or is reserved outside the caller's route.", [
            ("notFound", "Uno no existe", "dossier_ids[0]: El expediente no existe.", [("dossier_ids[0]", "El expediente no existe.")])]),
        "409": problem(409, "One of the dossiers (named in `errors`) is annulled, archived or in transit.", [
            ("inTransit", "Uno en tránsito", "dossier_ids[1]: El expediente tiene un pase pendiente de recepción.",
             [("dossier_ids[1]", "El expediente tiene un pase pendiente de recepción.")])]),
        "413": too_large_json(),
        "422": problem(422, "Invalid fields, or a dossier that cannot go in this delivery note.", [
            ("repeated", "Repetido", "dossier_ids[2]: El expediente está repetido en la lista.", [("dossier_ids[2]", "El expediente está repetido en la lista.")]),
            ("otherUnit", "Distinta unidad de origen", "dossier_ids[1]: Todos los expedientes de un remito deben salir de la misma unidad.",
             [("dossier_ids[1]", "Todos los expedientes de un remito deben salir de la misma unidad.")]),
        ]),
    }),
)


def tray(path, op_id, summary, description, extra_422=None):
    examples_422 = [("page", "Página inválida", "per_page: Debe estar entre 1 y 500.", [("per_page", "Debe estar entre 1 y 500.")])]
    if extra_422:
        examples_422.append(extra_422)
    op(
        path, "get",
        tags=["Pases"],
        operationId=op_id,
        summary=summary,
        description=description,
        parameters=[ref("TrayUnit", "parameters"), ref("Page", "parameters"), ref("PerPage", "parameters")],
        responses=std_errors({
            "200": json_response("A page of pending transfers, each with `waiting_seconds`.", page_of("Transfer"),
                                 example={"items": [EX_TRANSFER], "total": 1}),
            "403": problem(403, "The caller has no unit, or names a unit other than their own.", [
                ("otherUnit", "Otra unidad", "Solo puede actuar en nombre de su propia unidad.", None),
                ("noUnit", "Sin unidad", "Su usuario no pertenece a ninguna unidad.", None)]),
            "422": problem(422, "Malformed `unit`, `page` or `per_page`" + (", or no `unit` for ADMIN/AUTHORITY." if extra_422 else "."), examples_422),
        }),
    )


tray(
    "/api/v1/inbox", "listInbox", "Bandeja de entrada",
    "Any signed-in user with a unit (403 otherwise). The transfers waiting for reception at the caller's "
    "unit, oldest first, each with `waiting_seconds`; paged. ADMIN and AUTHORITY see those of the unit "
    "given in `unit`, or of every unit without it.",
)
tray(
    "/api/v1/outbox", "listOutbox", "Pases enviados por recibir",
    "Any signed-in user with a unit (403 otherwise). The transfers sent by the caller's unit that the "
    "destination has not received yet, each with `waiting_seconds`; paged. ADMIN and AUTHORITY must name "
    "the unit with `unit` (422 `field.required`).",
    ("unitRequired", "Falta la unidad", "unit: Este dato es obligatorio.", [("unit", "Este dato es obligatorio.")]),
)

op(
    "/api/v1/transfers/{id}/receive", "post",
    tags=["Pases"],
    operationId="receiveTransfer",
    summary="Recibir pase",
    description=(
        "ADMIN, or DESK/OFFICE working in the destination unit (else 403 `access.profile`, "
        "`access.not_destination`). Confirms reception: custody moves to the destination with the "
        "transfer's permission, and the dossier's `folios` and `volumes` grow by the transfer's. 200 with "
        "the transfer. 404 when the transfer does not exist (or its dossier is hidden from the caller). 409 "
        "when it was already received, or is no longer pending (reverted). No body is needed. " + CSRF_403
    ),
    parameters=[ref("TransferId", "parameters")],
    responses=std_errors({
        "200": json_response("Received.", ref("Transfer"), example=EX_TRANSFER_RECEIVED),
        "403": problem(403, "Profile not allowed, not addressed to the caller's unit, dossier outside the route, or CSRF token missing.", [
            PROFILE, ("notDestination", "No es el destino", "El pase no está dirigido a su unidad.", None), CSRF_EXAMPLE]),
        "404": problem(404, "The transfer does not exist, or its dossier is reserved and outside the caller's route.", [
            ("transferNotFound", "Pase inexistente", "El pase no existe.", None), DOSSIER_NOT_FOUND_EXAMPLE]),
        "409": problem(409, "Already received, or no longer pending.", [
            ("alreadyReceived", "Ya recibido", "El pase ya fue recibido.", None),
            ("notPending", "Ya no pendiente", "El pase ya no está pendiente de recepción.", None)]),
    }),
)

op(
    "/api/v1/transfers/receive", "post",
    tags=["Pases"],
    operationId="receiveTransfers",
    summary="Recibir varios pases",
    description=(
        "Same rules as receiving one transfer, for each id. Receives up to 500 transfers at once; 200 with "
        "the received transfers. All or nothing: if one fails nothing is received, and the problem names it "
        "in `errors` (`ids[i]`) with its status (403, 404 or 409). 422 for an empty or oversized list or "
        "non-integer ids. " + CSRF_403
    ),
    requestBody=json_body(ref("ReceiveInput"), examples={"two": {"summary": "Dos pases del remito", "value": {"ids": [5020, 5021]}}}),
    responses=std_errors({
        "200": json_response("Received, in the order given.", page_of("Transfer"), example={"items": [EX_TRANSFER_RECEIVED], "total": 1}),
        "400": bad_json(),
        "403": problem(403, "For one of the transfers (named in `errors`): profile not allowed or not addressed to the caller's unit; or CSRF token missing.", [
            ("notDestination", "Uno no es para su unidad", "ids[1]: El pase no está dirigido a su unidad.", [("ids[1]", "El pase no está dirigido a su unidad.")]), CSRF_EXAMPLE]),
        "404": problem(404, "One of the transfers (named in `errors`) does not exist.", [
            ("notFound", "Uno no existe", "ids[0]: El pase no existe.", [("ids[0]", "El pase no existe.")])]),
        "409": problem(409, "One of the transfers (named in `errors`) was already received or is no longer pending.", [
            ("alreadyReceived", "Uno ya recibido", "ids[1]: El pase ya fue recibido.", [("ids[1]", "El pase ya fue recibido.")])]),
        "413": too_large_json(),
        "422": problem(422, "`ids` missing, empty, longer than 500, or with non-integer elements.", [
            ("required", "Lista vacía", "ids: Este dato es obligatorio.", [("ids", "Este dato es obligatorio.")])]),
    }),
)

op(
    "/api/v1/transfers/{id}/revert", "post",
    tags=["Pases"],
    operationId="revertTransfer",
    summary="Revertir pase",
    description=(
        "ADMIN only (others 403 `access.admin_only`). Undoes a mistaken transfer, pending or received, if no "
        "later transfer of the dossier followed it; a received one gives custody (and the folios and "
        "volumes it added) back to the sending unit. The revert and its optional `reason` are recorded. 200 "
        "with the transfer (state `reverted`). 404 when the transfer does not exist. 409 when it was "
        "already reverted, a later transfer exists, or the dossier is annulled or archived. " + CSRF_403
    ),
    parameters=[ref("TransferId", "parameters")],
    requestBody=json_body(ref("ReasonInput"), required=False, description="Optional; may be empty.",
                          examples={"reason": {"summary": "Motivo", "value": {"reason": "Se envió por error a otra subgerencia."}}}),
    responses=std_errors({
        "200": json_response("Reverted.", ref("Transfer"), example=EX_TRANSFER_REVERTED),
        "400": bad_json(optional_body=True),
        "403": problem(403, "The caller is not ADMIN, or CSRF token missing.", [ADMIN_ONLY_EXAMPLE, CSRF_EXAMPLE]),
        "404": problem(404, "The transfer does not exist.", [("transferNotFound", "Pase inexistente", "El pase no existe.", None)]),
        "409": problem(409, "Already reverted, not the latest transfer, or the dossier is annulled or archived.", [
            ("notLatest", "No es el último", "Después de este pase hubo otro: revierta primero el último.", None),
            ("alreadyReverted", "Ya revertido", "El pase ya fue revertido.", None), ARCHIVED, ANNULLED]),
        "413": too_large_json(),
        "422": problem(422, "`reason` is not a string, is longer than 1000 characters or has control characters.", [
            ("reasonTooLong", "Motivo demasiado largo", "reason: Admite como máximo 1000 caracteres.", [("reason", "Admite como máximo 1000 caracteres.")])]),
    }),
)

op(
    "/api/v1/delivery-notes/{id}.pdf", "get",
    tags=["Pases"],
    operationId="getDeliveryNotePdf",
    summary="Imprimir remito (PDF)",
    description="ADMIN and AUTHORITY, or users working in the sending or the receiving unit. The delivery note as an A4 PDF in Spanish: organisation, number, sending and receiving units, date and time in the organisation's zone, the list of dossiers (code, summary, action, permission, folios) and signature lines for who delivers and who receives. 404 when it does not exist or the caller's unit is neither end of it.",
    parameters=[ref("DeliveryNoteId", "parameters")],
    responses=std_errors({
        "200": {"description": "The PDF (`Content-Disposition: inline; filename=\"remito-R-1-2026.pdf\"`).",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}},
        "404": problem(404, "It does not exist, or the caller may not see it.", [("noteNotFound", "Remito inexistente", "El remito no existe.", None)]),
    }),
)

op(
    "/api/v1/dossiers/{id}/receipt.pdf", "get",
    tags=["Expedientes"],
    operationId="getReceiptPdf",
    summary="Imprimir cargo (PDF)",
    description="The receipt (cargo) handed to the applicant, as an A4 PDF in Spanish: organisation and desk, code, date and time of filing in the organisation's zone, type, applicant and document, summary, folios and volumes, who registered it, a QR code to the public tracking page (`PUBLIC_URL/t/{tracking_token}`) and the PIN. Only ADMIN and users of the unit that registered the dossier or of its desk may print it (it carries the PIN): 403 `access.receipt` for others. Printing is recorded as a read (`receipt.read`). " + VISIBILITY_TEXT,
    parameters=[ref("DossierId", "parameters")],
    responses=std_errors({
        "200": {"description": "The PDF (`Content-Disposition: inline; filename=\"cargo-1367-GSC-2026.pdf\"`).",
                "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}},
        "403": problem(403, "Not the registering unit, its desk or ADMIN; or outside the route.", [
            ("receiptForbidden", "Cargo de otra unidad", "Solo la unidad que registró el expediente (o su mesa de partes) puede imprimir su cargo.", None), OUTSIDE_ROUTE_EXAMPLE]),
        "404": dossier_404(),
    }),
)

op(
    "/api/v1/delivery-notes/{id}", "get",
    tags=["Pases"],
    operationId="getDeliveryNote",
    summary="Ver remito",
    description="ADMIN and AUTHORITY, or users working in the sending or the receiving unit. The delivery note with its transfers. 404 when it does not exist or the caller's unit is neither end of it.",
    parameters=[ref("DeliveryNoteId", "parameters")],
    responses=std_errors({
        "200": json_response("The delivery note.", ref("DeliveryNote"), example=EX_DELIVERY_NOTE),
        "404": problem(404, "It does not exist, or the caller may not see it.", [("noteNotFound", "Remito inexistente", "El remito no existe.", None)]),
    }),
)

# ---- documents ------------------------------------------------------------------------

op(
    "/api/v1/dossiers/{id}/attachments", "post",
    tags=["Documentos"],
    operationId="uploadAttachment",
    summary="Subir archivo adjunto",
    description=(
        "ADMIN, or DESK/OFFICE/LOADER whose own unit holds the dossier with WRITE permission (else 403). "
        "The body is the raw file (not multipart, not JSON) and `?name=` its file name; the media type is "
        "detected from the content. Permissions, state and name are checked before any byte is read. 201 "
        "with the attachment (`id`, `sha256`, `size`, ...). Uploading a name that exists adds a new "
        "version. 409 when the dossier is annulled, archived or in transit. 413 when the file exceeds the "
        "upload limit (50 MB by default, `sige serve --max-upload-mb`). 422 for a missing or invalid name "
        "or an empty body. " + VISIBILITY_TEXT + " " + CSRF_403
    ),
    parameters=[
        ref("DossierId", "parameters"),
        {"name": "name", "in": "query", "required": True,
         "description": "File name: 1 to 200 characters, no '/' or '\\', no control characters, not '.' or '..' (422 `field.required`, `attachment.bad_name`, `field.too_long`).",
         "schema": string(min_length=1, max_length=200), "example": "plano-ubicación.pdf"},
    ],
    requestBody={
        "required": True,
        "description": "The file's bytes. `Content-Length` over the limit is refused before reading; `Expect: 100-continue` is honoured.",
        "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}},
    },
    responses=std_errors({
        "201": json_response("Stored.", ref("Attachment"), example=EX_ATTACHMENT),
        "403": problem(403, "Outside the route, profile not allowed, dossier held by another unit or only with READ, or CSRF token missing.", [
            PROFILE, NOT_IN_CUSTODY, READ_ONLY, OUTSIDE_ROUTE_EXAMPLE, CSRF_EXAMPLE]),
        "404": dossier_404(),
        "409": problem(409, "The dossier is annulled, archived or in transit.", [IN_TRANSIT, ARCHIVED, ANNULLED]),
        "413": problem(413, "The file exceeds the upload limit.", [
            ("tooLarge", "Archivo demasiado grande", "body: El archivo supera el límite de 50 MB.", [("body", "El archivo supera el límite de 50 MB.")])]),
        "422": problem(422, "Missing or invalid name, or empty body.", [
            ("name", "Nombre inválido", "name: El nombre del archivo no puede contener barras ni caracteres de control.",
             [("name", "El nombre del archivo no puede contener barras ni caracteres de control.")]),
            ("empty", "Archivo vacío", "body: El archivo está vacío: envíe su contenido en el cuerpo de la solicitud.",
             [("body", "El archivo está vacío: envíe su contenido en el cuerpo de la solicitud.")]),
        ]),
    }),
)

op(
    "/api/v1/dossiers/{id}/attachments", "get",
    tags=["Documentos"],
    operationId="listAttachments",
    summary="Listar archivos adjuntos",
    description="Any signed-in user who can see the dossier. Every attachment, all versions, unpaged. " + VISIBILITY_TEXT,
    parameters=[ref("DossierId", "parameters")],
    responses=std_errors({
        "200": json_response("The attachments.", page_of("Attachment"), example={"items": [EX_ATTACHMENT], "total": 1}),
        "403": problem(403, "The dossier is not reserved but did not pass through the caller's unit.", [OUTSIDE_ROUTE_EXAMPLE]),
        "404": dossier_404(),
    }),
)

op(
    "/api/v1/attachments/{id}/content", "get",
    tags=["Documentos"],
    operationId="downloadAttachment",
    summary="Descargar archivo adjunto",
    description=(
        "Any signed-in user who can see the attachment's dossier (same visibility rules: 403 outside the "
        "route, 404 when reserved). Answers the file with its detected `Content-Type`, `Content-Disposition` "
        "(inline for PDF, PNG, JPEG, GIF, WebP and plain text, attachment otherwise or with `?download`; "
        "ASCII `filename` plus UTF-8 `filename*`), `ETag` (the quoted SHA-256), `Cache-Control: private, "
        "no-cache`, `X-Content-Type-Options: nosniff` and a sandboxing `Content-Security-Policy`. "
        "`If-None-Match` with the ETag answers 304. The read is recorded in the audit trail."
    ),
    parameters=[
        ref("AttachmentId", "parameters"),
        {"name": "download", "in": "query", "required": False,
         "description": "Present (any value): always `Content-Disposition: attachment`.",
         "schema": {"type": "string"}},
        {"name": "If-None-Match", "in": "header", "required": False,
         "description": "The ETag of a copy the client has: 304 when it is still current.",
         "schema": {"type": "string"}, "example": "\"9f2c1b7e4d3a8c6f0e5b2a1d7c9e8f3a6b4d2c1e0f9a8b7c6d5e4f3a2b1c0d9e\""},
    ],
    responses=std_errors({
        "200": {
            "description": "The file.",
            "headers": {
                "Content-Disposition": {"description": "`inline` or `attachment`, with `filename` and `filename*`.",
                                        "schema": {"type": "string"},
                                        "example": "inline; filename=\"plano-ubicaci__n.pdf\"; filename*=UTF-8''plano-ubicaci%C3%B3n.pdf"},
                "ETag": {"description": "The quoted SHA-256 of the content.", "schema": {"type": "string"}},
                "Cache-Control": {"schema": {"type": "string", "const": "private, no-cache"}},
                "Content-Security-Policy": {"schema": {"type": "string", "const": "default-src 'none'; sandbox"}},
            },
            "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}},
        },
        "304": {"description": "Not modified: the `If-None-Match` ETag is current.",
                "headers": {"ETag": {"schema": {"type": "string"}}}},
        "403": problem(403, "The dossier is not reserved but did not pass through the caller's unit.", [OUTSIDE_ROUTE_EXAMPLE]),
        "404": problem(404, "The attachment does not exist, or its dossier is reserved and outside the caller's route.", [
            ("attachmentNotFound", "Adjunto inexistente", "El archivo adjunto no existe.", None), DOSSIER_NOT_FOUND_EXAMPLE]),
    }),
)

op(
    "/api/v1/dossiers/{id}/annotations", "get",
    tags=["Documentos"],
    operationId="listAnnotations",
    summary="Listar anotaciones",
    description="Any signed-in user who can see the dossier. Its internal notes that were not removed, unpaged. " + VISIBILITY_TEXT,
    parameters=[ref("DossierId", "parameters")],
    responses=std_errors({
        "200": json_response("The annotations.", page_of("Annotation"), example={"items": [EX_ANNOTATION], "total": 1}),
        "403": problem(403, "The dossier is not reserved but did not pass through the caller's unit.", [OUTSIDE_ROUTE_EXAMPLE]),
        "404": dossier_404(),
    }),
)

op(
    "/api/v1/dossiers/{id}/annotations", "post",
    tags=["Documentos"],
    operationId="createAnnotation",
    summary="Agregar anotación",
    description=(
        "ADMIN, or DESK/OFFICE whose own unit holds the dossier (READ or WRITE; else 403). Adds an internal "
        "note; 201 with it. Allowed while archived or in transit; 409 when the dossier is annulled. 422 for "
        "an empty, too long or badly encoded text. " + VISIBILITY_TEXT + " " + CSRF_403
    ),
    parameters=[ref("DossierId", "parameters")],
    requestBody=json_body(ref("AnnotationInput"), examples={"note": {"summary": "Nota interna", "value": {"text": EX_ANNOTATION["text"]}}}),
    responses=std_errors({
        "201": json_response("Added.", ref("Annotation"), example=EX_ANNOTATION),
        "400": bad_json(),
        "403": problem(403, "Outside the route, profile not allowed, dossier held by another unit, or CSRF token missing.", [
            PROFILE, NOT_IN_CUSTODY, OUTSIDE_ROUTE_EXAMPLE, CSRF_EXAMPLE]),
        "404": dossier_404(),
        "409": problem(409, "The dossier is annulled.", [ANNULLED]),
        "413": too_large_json(),
        "422": problem(422, "Invalid text.", [("required", "Texto vacío", "text: Este dato es obligatorio.", [("text", "Este dato es obligatorio.")])]),
    }),
)

op(
    "/api/v1/annotations/{id}", "delete",
    tags=["Documentos"],
    operationId="deleteAnnotation",
    summary="Quitar anotación",
    description=(
        "The annotation's author or ADMIN (else 403 `access.not_author`), who must be able to see the "
        "dossier. Removes the note from the list; the removal and the text are kept in the audit trail. 204 "
        "without a body. 404 when it does not exist or was already removed. " + CSRF_403
    ),
    parameters=[ref("AnnotationId", "parameters")],
    responses=std_errors({
        "204": {"description": "Removed."},
        "403": problem(403, "Not the author nor ADMIN, dossier outside the route, or CSRF token missing.", [
            ("notAuthor", "No es el autor", "Solo quien escribió la anotación, o un administrador, puede quitarla.", None),
            OUTSIDE_ROUTE_EXAMPLE, CSRF_EXAMPLE]),
        "404": problem(404, "The annotation does not exist or was removed, or its dossier is reserved and outside the caller's route.", [
            ("annotationNotFound", "Anotación inexistente", "La anotación no existe.", None)]),
    }),
)

# ---- system ---------------------------------------------------------------------------

op(
    "/healthz", "get",
    tags=["Sistema"],
    operationId="health",
    summary="Estado del servicio",
    description="Public liveness and storage check: 200 `{\"status\": \"ok\"}` when the database answers, 503 otherwise. Not cached.",
    security=PUBLIC,
    responses={
        "200": json_response("Alive and the storage answers.", ref("Health"), example={"status": "ok"}),
        "503": R503,
    },
)

op(
    "/api/v1/openapi.json", "get",
    tags=["Sistema"],
    operationId="getOpenApi",
    summary="Documento OpenAPI",
    description="Public. This document (OpenAPI 3.1, JSON), as embedded in the server at build time.",
    security=PUBLIC,
    responses={
        "200": json_response("The OpenAPI document.", {"type": "object"}),
    },
)

# Public operations: `security: []`.
for item in paths.values():
    for operation in item.values():
        if operation.get("security") is PUBLIC:
            operation["security"] = []

# Key order inside each operation.
ORDER = ["tags", "operationId", "summary", "description", "security", "parameters", "requestBody", "responses"]
for path, item in paths.items():
    for method in list(item):
        o = item[method]
        item[method] = {k: o[k] for k in ORDER if k in o}

# Sort paths: keep /healthz and openapi at the end of their groups, otherwise insertion order.

# ---------------------------------------------------------------------------------------
# Document
# ---------------------------------------------------------------------------------------

INFO_DESCRIPTION = """\
**Español.** API HTTP de sige, el sistema de gestión de expedientes (registro en mesa de partes, pases entre unidades y organismos, archivo, anulación, adjuntos y anotaciones). Convenciones:

- **JSON** UTF-8 de entrada y salida. Un campo `null` equivale a un campo ausente. Los nombres de los campos no cambian; pueden añadirse campos nuevos.
- **Fechas**: las respuestas dan instantes ISO 8601 con desfase horario (`2026-03-09T10:15:42-05:00`), en la zona horaria de visualización del servidor (por defecto America/Lima). Los filtros `from`/`to` aceptan `AAAA-MM-DD` (ese día en esa zona; `to` incluye el día entero) o un instante ISO 8601 con desfase o `Z`.
- **Errores**: RFC 9457 (`application/problem+json`) con `type` (`urn:sige:problema:...`), `title`, `status`, `detail` en español y, cuando hay datos concretos en falta, `errors: [{field, message}]` con la ruta del dato (`applicant.id_number`, `dossier_ids[2]`). 400 cuerpo que no es JSON válido; 401 sin credenciales válidas; 403 el perfil o la custodia no lo permiten; 404 lo que no existe o el usuario no puede saber que existe (expedientes reservados fuera de su ruta; identificadores no numéricos); 405 método no permitido (cabecera `Allow`); 409 conflicto con el estado (expediente en tránsito, archivado o anulado; recibir dos veces); 413 cuerpo demasiado grande; 422 datos inválidos (se listan todos a la vez); 429 demasiados intentos (`Retry-After`); 500 error interno (con el identificador de la solicitud); 503 almacenamiento no disponible. Una entrada inválida nunca deja nada a medio escribir, y las operaciones en bloque son todo o nada.
- **Autenticación**: `POST /api/v1/session` con `{"username", "password"}` devuelve `token` y `csrf_token` y fija la cookie HttpOnly y SameSite=Strict `sige_session`. Los clientes de la API envían `Authorization: Bearer <token>`. Las solicitudes POST, PATCH o DELETE autenticadas con la cookie deben llevar la cabecera `X-CSRF-Token` con el `csrf_token` de la sesión. `DELETE /api/v1/session` cierra la sesión.
- **Perfiles**: ADMIN (todo), DESK (mesa de partes), OFFICE (oficina), LOADER (carga de adjuntos), VIEWER (consulta), AUTHORITY (ve todo, no cambia nada).
- **Listas**: `{"items": [...], "total": N}`; donde hay paginación, `?page=1&per_page=50` (page ≥ 1, 1 ≤ per_page ≤ 500).
- Cada respuesta lleva `X-Request-Id`. HEAD se acepta donde se acepta GET.

**English.** HTTP API of sige, the case-file (expediente) management system: registration at the desk (mesa de partes), transfers (pases) between units and organisations, archive, annulment, attachments and annotations. Conventions:

- **JSON** in and out, UTF-8. A `null` field is the same as an absent one. Field names never change; new fields may be added.
- **Dates**: responses carry ISO 8601 instants with UTC offset (`2026-03-09T10:15:42-05:00`) in the server's display time zone (America/Lima by default). The `from`/`to` filters take `YYYY-MM-DD` (that day in that zone; `to` includes the whole day) or an ISO 8601 instant with offset or `Z`.
- **Errors**: RFC 9457 problem details (`application/problem+json`) with `type` (`urn:sige:problema:...`), `title`, `status`, a Spanish `detail` and, when specific fields are at fault, `errors: [{field, message}]` naming each field by its path (`applicant.id_number`, `dossier_ids[2]`). 400 body that is not valid JSON; 401 no valid credentials; 403 the profile or the custody rule forbids it; 404 what does not exist or the caller may not know exists (reserved dossiers outside their route; non-numeric ids); 405 method not allowed (with `Allow`); 409 state conflict (dossier in transit, archived or annulled; receiving twice); 413 body too large; 422 invalid data (all problems listed at once); 429 throttled (`Retry-After`); 500 internal error (with the request id); 503 storage unavailable. Bad input never leaves anything half-written, and bulk operations are all or nothing.
- **Authentication**: `POST /api/v1/session` with `{"username", "password"}` returns `token` and `csrf_token` and sets the HttpOnly, SameSite=Strict cookie `sige_session`. API clients send `Authorization: Bearer <token>`. POST, PATCH and DELETE requests authenticated by the cookie must carry the session's `csrf_token` in the `X-CSRF-Token` header. `DELETE /api/v1/session` logs out.
- **Profiles**: ADMIN (everything), DESK (registration desk), OFFICE (office), LOADER (uploads attachments), VIEWER (read only), AUTHORITY (sees everything, changes nothing).
- **Lists**: `{"items": [...], "total": N}`; where paged, `?page=1&per_page=50` (page ≥ 1, 1 ≤ per_page ≤ 500).
- Every response carries `X-Request-Id`. HEAD is accepted wherever GET is.
"""

# ---- virtual desk and public tracking ----------------------------------------------------

SUBMISSION_STATES = ["submitted", "observed", "rejected", "accepted"]
TRACKING_ACTIONS = ["submitted", "observed", "corrected", "rejected", "registered", "sent", "received",
                    "reverted", "resolved", "archived", "reopened", "annulled"]
EX_TRACKING = {
    "code": "1367-2026", "number": "MV-12-2026", "state": "in_process", "reserved": False,
    "organization": "Municipalidad Distrital de San Isidro",
    "summary": "Solicito licencia de funcionamiento", "custody_unit": {"name": "Gerencia de Desarrollo Urbano"},
    "since": "2026-11-21T10:02:11-05:00", "deadline": None, "overdue": False,
    "events": [
        {"at": "2026-11-20T16:40:03-05:00", "action": "submitted", "unit": None,
         "description": "Presentado en la mesa de partes virtual", "staff": None},
        {"at": "2026-11-21T09:15:00-05:00", "action": "registered", "unit": "Mesa de Partes",
         "description": "Registrado en Mesa de Partes", "staff": None},
        {"at": "2026-11-21T09:40:22-05:00", "action": "sent", "unit": "Gerencia de Desarrollo Urbano",
         "description": "Enviado a Gerencia de Desarrollo Urbano", "staff": None},
        {"at": "2026-11-21T10:02:11-05:00", "action": "received", "unit": "Gerencia de Desarrollo Urbano",
         "description": "Recibido en Gerencia de Desarrollo Urbano", "staff": None},
    ],
    "observation": None, "correction_deadline": None, "rejection_reason": None, "can_correct": False,
}

schemas["SubmissionInput"] = obj(
    {
        "applicant": ref("ApplicantInput"),
        "type_id": integer("An active external dossier type; the submission goes to the main desk of its "
                           "organisation (422 `dossier.type_unknown` otherwise).", minimum=1, example=2),
        "procedure_id": integer("Not yet accepted: the procedure catalogue arrives later (422).", minimum=1),
        "summary": string("What is asked, 3 to 500 characters.", min_length=3, max_length=500,
                          example="Solicito licencia de funcionamiento para bodega"),
        "consent": boolean("The citizen agrees to be told by e-mail of every later movement (transfers, "
                           "completion, archive). The acknowledgement and the desk's answer are always sent.",
                           default=False),
    },
    required=["applicant", "type_id", "summary"],
    desc="Step 1 of the virtual desk. `applicant.email` is required here: the acknowledgement goes there "
         "(422 `submission.email_required`).",
)
schemas["DraftCreated"] = obj(
    {"id": integer("The draft's id.", example=12),
     "upload_token": string("Send it in `X-Upload-Token` with the uploads and the submit. Shown once.")},
    required=["id", "upload_token"],
)
schemas["SubmissionFile"] = obj(
    {"id": integer(), "name": string(example="solicitud.pdf"),
     "content_type": string("Judged by the content: application/pdf, image/jpeg or image/png.", example="application/pdf"),
     "size": integer("Bytes."), "sha256": string("Lower-case hex SHA-256 of the content."),
     "created_at": ts()},
    required=["id", "name", "content_type", "size", "sha256"],
)
schemas["SubmissionReceipt"] = obj(
    {"number": string("The submission number.", example="MV-12-2026"),
     "tracking_token": string("Random, 128 bits; keeps tracking the dossier after acceptance."),
     "tracking_url": string("PUBLIC_URL/t/{tracking_token}", example="http://127.0.0.1:8080/t/Zm9vYmFyYmF6cXV4MTIzNA")},
    required=["number", "tracking_token", "tracking_url"],
)
schemas["TrackingEvent"] = obj(
    {"at": ts(), "action": string(enum=TRACKING_ACTIONS),
     "unit": {"type": ["string", "null"], "description": "Where it happened or went; null for reserved dossiers and for the virtual desk's steps."},
     "description": string("The same in Spanish, for people."),
     "staff": {"type": ["string", "null"],
               "description": "The official who registered, sent or received it. Null unless the server runs with "
                              "`--tracking-staff-names`, and always null for reserved dossiers."}},
    required=["at", "action", "unit", "description", "staff"],
)
schemas["Tracking"] = obj(
    {
        "code": {"type": ["string", "null"], "description": "Null until the desk accepts a submission.", "example": "1367-2026"},
        "number": {"type": ["string", "null"], "description": "The virtual desk's submission number, or null.", "example": "MV-12-2026"},
        "state": string("A dossier state, or submitted / observed / rejected for a submission.",
                        enum=STATES + ["submitted", "rejected"]),
        "reserved": boolean("Reserved dossiers show only code, state and dates."),
        "organization": string(),
        "summary": string("Absent for reserved dossiers."),
        "custody_unit": {"type": ["object", "null"], "properties": {"name": {"type": "string"}},
                         "description": "Who has it now; null for reserved dossiers."},
        "since": ts("Since when it is there.", nullable=True),
        "deadline": ts("The procedure's deadline; null until the procedure catalogue exists.", nullable=True),
        "overdue": boolean(),
        "events": {"type": "array", "items": ref("TrackingEvent"), "description": "Oldest first. Never an internal annotation; staff names only as `staff`, when configured."},
        "observation": {"type": ["string", "null"], "description": "What the desk asks to correct, or null."},
        "correction_deadline": ts(nullable=True),
        "rejection_reason": {"type": ["string", "null"], "description": "Why the desk did not admit it, or null."},
        "files": {"type": "array", "description": "The files of a submission not yet accepted (name, type, size); empty for dossiers.",
                  "items": {"type": "object", "required": ["name", "content_type", "size"],
                            "properties": {"name": {"type": "string"}, "content_type": {"type": "string"},
                                           "size": {"type": "integer"}}}},
        "can_correct": boolean("Observed and within the deadline: files may be added and the submission sent again."),
        "tracking_token": string("Only in the answer to code + PIN, to go on to /t/{token}."),
    },
    required=["code", "state", "reserved", "custody_unit", "since", "deadline", "overdue", "events"],
)
schemas["Tracking"]["examples"] = [EX_TRACKING]
schemas["CodePinInput"] = obj(
    {"code": string("The dossier code on the receipt.", example="1367-2026"),
     "pin": string("The PIN on the receipt.", example="482913")},
    required=["code", "pin"],
)
schemas["Submission"] = obj(
    {
        "id": integer(), "number": string(example="MV-12-2026"), "state": string(enum=SUBMISSION_STATES),
        "organization_id": integer(), "organization": ref("Ref"), "type_id": integer(), "type": ref("Ref"),
        "summary": string(), "applicant": ref("Applicant"),
        "files": {"type": "array", "items": ref("SubmissionFile")},
        "submitted_at": ts(nullable=True), "decided_at": ts(nullable=True),
        "observation": string(), "correction_deadline": ts(nullable=True), "rejection_reason": string(),
        "dossier_id": integer("The dossier it became, once accepted.", nullable=True),
    },
    required=["id", "number", "state", "summary", "applicant", "files"],
)
schemas["AcceptResult"] = obj(
    {"dossier_id": integer(), "code": string(example="1367-2026"), "pin": string(example="482913"),
     "tracking_token": string("The submission's token, which now tracks the dossier.")},
    required=["dossier_id", "code", "pin", "tracking_token"],
)
schemas["ObserveInput"] = obj(
    {"reason": string("What to correct; required, at most 1000 characters.", min_length=1, max_length=1000),
     "deadline": string("Last day to correct, `YYYY-MM-DD` in the organisation's zone; must be in the future.",
                        pattern="^[0-9]{4}-[0-9]{2}-[0-9]{2}$", example="2026-11-30")},
    required=["reason", "deadline"],
)
schemas["RejectInput"] = obj(
    {"reason": string("Why it is not admitted; required, at most 1000 characters.", min_length=1, max_length=1000)},
    required=["reason"],
)
schemas["SubmissionPage"] = page_schema("Submission", "Submissions, oldest first.")

UPLOAD_TOKEN = {"name": "X-Upload-Token", "in": "header", "required": True,
                "description": "The `upload_token` of step 1 (403 `submission.upload_token` when missing or wrong).",
                "schema": {"type": "string"}}
TRACKING_TOKEN = {"name": "token", "in": "path", "required": True,
                  "description": "The tracking token of the receipt's QR or the submission.",
                  "schema": {"type": "string"}}
SUBMISSION_ID = {"name": "id", "in": "path", "required": True, "description": "Submission id.",
                 "schema": integer(minimum=1)}
THROTTLED = problem(429, "Too many attempts from this address (or for this code); see Retry-After.",
                    [("throttled", "Demasiados intentos", "Demasiados intentos fallidos. Espere 900 segundos antes de volver a intentar.", None)],
                    headers={"Retry-After": {"schema": {"type": "integer"}, "description": "Seconds to wait."}})
FILE_RULES = ("PDF, JPEG or PNG only, judged by the content, not by the name or the declared type "
              "(422 `submission.file_type` for anything else, e.g. a renamed text file); at most 10 MB a file "
              "(413), 30 MB and 10 files a submission (413, 422).")

schemas["PublicDossierType"] = obj(
    {"id": integer(), "code": string(), "name": string(example="Licencia de funcionamiento"),
     "origin": string(enum=["external"]), "organization_id": integer(), "active": boolean(),
     "organization_name": string(example="Municipalidad Distrital de San Isidro")},
    required=["id", "code", "name", "organization_id", "organization_name"],
)
op("/api/v1/public/dossier-types", "get", tags=["Mesa virtual"], operationId="listPublicDossierTypes",
   summary="Tipos de trámite que se presentan en línea", security=[],
   description="Public. The active external dossier types of every organisation, with the organisation's name: "
               "what the virtual desk's form offers. Cacheable for five minutes.",
   responses=std_errors({"200": json_response("Every type.", {"type": "object", "required": ["items", "total"],
                                                                "properties": {"items": {"type": "array", "items": ref("PublicDossierType")},
                                                                               "total": integer(minimum=0)}})},
                        signed_in=False))

op("/api/v1/public/submissions", "post", tags=["Mesa virtual"], operationId="createSubmission",
   summary="Mesa virtual, paso 1: crear borrador", security=[],
   description="Public. Creates a draft from the form: the applicant (identity document checked as at the desk, "
               "e-mail required), an external type, the summary and the consent. 201 with the draft id and the "
               "upload token. Drafts never submitted are purged after a day: until submitted, nothing reaches "
               "the desk. 429 after 20 drafts from one address within an hour.",
   requestBody=json_body(ref("SubmissionInput")),
   responses=std_errors({"201": json_response("The draft.", ref("DraftCreated")), "400": bad_json(),
                         "413": too_large_json(),
                         "422": problem(422, "A field is missing or invalid.", [
                             ("dni", "DNI mal formado", "applicant.id_number: El DNI tiene 8 dígitos.",
                              [("applicant.id_number", "El DNI tiene 8 dígitos.")])]),
                         "429": THROTTLED}, signed_in=False))

op("/api/v1/public/submissions/{id}/attachments", "post", tags=["Mesa virtual"], operationId="uploadSubmissionFile",
   summary="Mesa virtual, paso 2: subir un archivo", security=[],
   description="Public, with `X-Upload-Token`. The raw body is the file and `?name=` its name. " + FILE_RULES +
               " The token, the state and a declared size are checked before the body is read. 201 with the file. "
               "409 once submitted.",
   parameters=[SUBMISSION_ID, UPLOAD_TOKEN,
               {"name": "name", "in": "query", "required": True, "schema": string(min_length=1, max_length=200),
                "example": "solicitud.pdf"}],
   requestBody={"required": True, "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}}},
   responses=std_errors({"201": json_response("Stored.", ref("SubmissionFile")),
                         "403": problem(403, "Wrong or missing upload token."),
                         "404": problem(404, "No such draft."),
                         "409": problem(409, "Already submitted."),
                         "413": problem(413, "Over a size limit."),
                         "422": problem(422, "Bad name, empty body, too many files, or not a PDF/JPEG/PNG.")},
                        signed_in=False))

op("/api/v1/public/submissions/{id}/submit", "post", tags=["Mesa virtual"], operationId="submitSubmission",
   summary="Mesa virtual, paso 3: presentar", security=[],
   description="Public, with `X-Upload-Token`. The submission exists for the desk only from here, whole: it gets "
               "its number (`MV-n-year`, gapless per organisation and year) and an e-mailed acknowledgement with "
               "the tracking link. 200 with number, tracking token and link. 409 when submitted already.",
   parameters=[SUBMISSION_ID, UPLOAD_TOKEN],
   responses=std_errors({"200": json_response("Submitted.", ref("SubmissionReceipt")),
                         "403": problem(403, "Wrong or missing upload token."),
                         "404": problem(404, "No such draft."),
                         "409": problem(409, "Already submitted.")}, signed_in=False))

op("/api/v1/public/tracking/{token}", "get", tags=["Seguimiento"], operationId="trackByToken",
   summary="Seguimiento por enlace (QR)", security=[],
   description="Public. State, who has it and since when, the movements with dates, the observation to correct; "
               "for reserved dossiers only code, state and dates. No internal annotation, no staff name. 404 for "
               "an unknown token; 429 after 20 unknown tokens from one address in 15 minutes.",
   parameters=[TRACKING_TOKEN],
   responses=std_errors({"200": json_response("Tracking data.", ref("Tracking")),
                         "404": problem(404, "Unknown token.", [("unknown", "Enlace inválido", "El enlace de seguimiento no es válido.", None)]),
                         "429": THROTTLED}, signed_in=False))

op("/api/v1/public/tracking", "post", tags=["Seguimiento"], operationId="trackByCodeAndPin",
   summary="Seguimiento por número y PIN", security=[],
   description="Public. The same data, found by the code and the PIN of the receipt, plus `tracking_token`. The "
               "answer is the same 404 whether the code does not exist or the PIN is wrong, and takes the same "
               "time. 429 (with Retry-After) after 5 failures for a code or 20 for an address within 15 minutes, "
               "even with the right PIN.",
   requestBody=json_body(ref("CodePinInput")),
   responses=std_errors({"200": json_response("Tracking data.", ref("Tracking")), "400": bad_json(),
                         "404": problem(404, "Unknown code or wrong PIN.", [("badPin", "Número o PIN incorrecto", "No encontramos un expediente con ese número y PIN. Revise ambos datos del cargo.", None)]),
                         "413": too_large_json(),
                         "422": problem(422, "`code` or `pin` missing."), "429": THROTTLED}, signed_in=False))

op("/api/v1/public/tracking/{token}/attachments", "post", tags=["Mesa virtual"], operationId="uploadCorrection",
   summary="Subsanar: agregar un archivo", security=[],
   description="Public, authorised by the tracking token of an observed submission (its link). " + FILE_RULES +
               " 409 unless observed.",
   parameters=[TRACKING_TOKEN,
               {"name": "name", "in": "query", "required": True, "schema": string(min_length=1, max_length=200)}],
   requestBody={"required": True, "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}}},
   responses=std_errors({"201": json_response("Stored.", ref("SubmissionFile")),
                         "404": problem(404, "Unknown token."), "409": problem(409, "Not observed."),
                         "413": problem(413, "Over a size limit."),
                         "422": problem(422, "Bad name, empty body, too many files, or not a PDF/JPEG/PNG.")},
                        signed_in=False))

op("/api/v1/public/tracking/{token}/resubmit", "post", tags=["Mesa virtual"], operationId="resubmit",
   summary="Subsanar: presentar de nuevo", security=[],
   description="Public, by the tracking token. An observed submission, corrected within its deadline, goes back "
               "to the desk's tray. 409 when not observed or the deadline passed.",
   parameters=[TRACKING_TOKEN],
   responses=std_errors({"200": json_response("Back at the desk.", ref("SubmissionReceipt")),
                         "404": problem(404, "Unknown token."),
                         "409": problem(409, "Not observed, or the deadline passed.")}, signed_in=False))

op("/t/{token}", "get", tags=["Seguimiento"], operationId="trackingPage",
   summary="Página de seguimiento (HTML)", security=[],
   description="Public. The page the receipt's QR points to: server-rendered HTML that shows code, state, unit "
               "and movements without JavaScript, readable on a phone. An unknown token shows the code + PIN "
               "form with a message (404); throttled like the JSON route (429).",
   parameters=[TRACKING_TOKEN],
   responses={"200": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}},
              "404": {"description": "Unknown token: the form, with a message.", "content": {"text/html": {"schema": {"type": "string"}}}},
              "429": {"description": "Throttled.", "content": {"text/html": {"schema": {"type": "string"}}}}})

op("/t", "get", tags=["Seguimiento"], operationId="trackingForm", summary="Formulario de seguimiento (HTML)",
   security=[], description="Public. The form to look a dossier up by code and PIN.",
   responses={"200": {"description": "The form.", "content": {"text/html": {"schema": {"type": "string"}}}}})

op("/t", "post", tags=["Seguimiento"], operationId="trackingFormSubmit", summary="Enviar número y PIN (HTML)",
   security=[],
   description="Public, `application/x-www-form-urlencoded` with `code` and `pin`. 303 to /t/{token} when they "
               "match; otherwise the form again with the message (404) or 429 when throttled.",
   requestBody={"required": True, "content": {"application/x-www-form-urlencoded": {"schema": ref("CodePinInput")}}},
   responses={"303": {"description": "Found: go to the tracking page.", "headers": {"Location": {"schema": {"type": "string"}}}},
              "404": {"description": "No match: the form with a message.", "content": {"text/html": {"schema": {"type": "string"}}}},
              "429": {"description": "Throttled.", "content": {"text/html": {"schema": {"type": "string"}}}}})

DESK_ONLY = ("DESK and OFFICE clerks of the organisation's main desk (its first desk), and ADMIN; others 403.")

op("/api/v1/submissions", "get", tags=["Mesa virtual"], operationId="listSubmissions",
   summary="Bandeja «Mesa virtual»",
   description="What citizens filed online at the caller's organisation (ADMIN: `organization`, or all), oldest "
               "first. " + DESK_ONLY,
   parameters=[{"name": "state", "in": "query", "schema": string(enum=SUBMISSION_STATES)},
               {"name": "organization", "in": "query", "schema": integer(minimum=1)},
               ref("Page", "parameters"), ref("PerPage", "parameters")],
   responses=std_errors({"200": json_response("A page.", ref("SubmissionPage")),
                         "403": problem(403, "Not at the main desk."), "422": problem(422, "Bad filter.")}))

op("/api/v1/submissions/{id}", "get", tags=["Mesa virtual"], operationId="getSubmission",
   summary="Ver solicitud", description=DESK_ONLY + " 404 for drafts and unknown ids.",
   parameters=[SUBMISSION_ID],
   responses=std_errors({"200": json_response("The submission.", ref("Submission")),
                         "403": problem(403, "Not at the main desk."), "404": problem(404, "Unknown.")}))

op("/api/v1/submissions/{id}/accept", "post", tags=["Mesa virtual"], operationId="acceptSubmission",
   summary="Aceptar solicitud",
   description=DESK_ONLY + " Registers the dossier at the main desk (gapless code, new PIN; the submission's "
               "tracking token now tracks it), copies the files as its attachments, and e-mails the receipt PDF. "
               "409 unless submitted. " + CSRF_403,
   parameters=[SUBMISSION_ID],
   responses=std_errors({"200": json_response("Accepted.", ref("AcceptResult")),
                         "403": problem(403, "Not at the main desk."), "404": problem(404, "Unknown."),
                         "409": problem(409, "Not waiting for the desk.")}))

op("/api/v1/submissions/{id}/observe", "post", tags=["Mesa virtual"], operationId="observeSubmission",
   summary="Observar solicitud",
   description=DESK_ONLY + " Asks the citizen to correct it before the deadline; they are told by e-mail and "
               "correct it through their tracking link. 409 unless submitted. " + CSRF_403,
   parameters=[SUBMISSION_ID], requestBody=json_body(ref("ObserveInput")),
   responses=std_errors({"200": json_response("Observed.", ref("Submission")), "400": bad_json(),
                         "403": problem(403, "Not at the main desk."), "404": problem(404, "Unknown."),
                         "409": problem(409, "Not waiting for the desk."), "413": too_large_json(),
                         "422": problem(422, "No reason, or a deadline missing, malformed or past.")}))

op("/api/v1/submissions/{id}/reject", "post", tags=["Mesa virtual"], operationId="rejectSubmission",
   summary="Rechazar solicitud",
   description=DESK_ONLY + " Refuses it, with a reason told to the citizen by e-mail. 409 unless submitted or "
               "observed. " + CSRF_403,
   parameters=[SUBMISSION_ID], requestBody=json_body(ref("RejectInput")),
   responses=std_errors({"200": json_response("Rejected.", ref("Submission")), "400": bad_json(),
                         "403": problem(403, "Not at the main desk."), "404": problem(404, "Unknown."),
                         "409": problem(409, "Not waiting for the desk."), "413": too_large_json(),
                         "422": problem(422, "No reason.")}))

op("/api/v1/submissions/{id}/files/{file}/content", "get", tags=["Mesa virtual"], operationId="getSubmissionFile",
   summary="Ver archivo de una solicitud",
   description=DESK_ONLY + " The file, inline for PDFs and images (with its name), as an attachment with `?download=1`; ETag and 304 as attachments.",
   parameters=[SUBMISSION_ID, {"name": "file", "in": "path", "required": True, "schema": integer(minimum=1)},
               {"name": "download", "in": "query", "required": False, "schema": {"type": "string"},
                "description": "Present: `Content-Disposition: attachment`."}],
   responses=std_errors({"200": {"description": "The file.", "content": {"*/*": {"schema": {"type": "string", "format": "binary"}}}},
                         "403": problem(403, "Not at the main desk."), "404": problem(404, "Unknown.")}))


doc = {
    "openapi": "3.1.0",
    "info": {
        "title": "sige API",
        "version": "1.0.0",
        "summary": "Gestión de expedientes: mesa de partes, pases, archivo y anulación.",
        "description": INFO_DESCRIPTION,
    },
    "servers": [{"url": "http://127.0.0.1:8080", "description": "Servidor local (`sige serve`, `--listen 127.0.0.1:8080`)"}],
    "security": [{"bearerAuth": []}, {"cookieAuth": []}],
    "tags": [
        {"name": "Sesión", "description": "Log in, log out, who am I."},
        {"name": "Catálogo", "description": "Organisations, unit trees, users and dossier types."},
        {"name": "Expedientes", "description": "Register, search, read, edit, history, archive and annulment of dossiers."},
        {"name": "Pases", "description": "Transfers between units, delivery notes (remitos), inbox and reception."},
        {"name": "Documentos", "description": "Attachments and internal annotations."},
        {"name": "Mesa virtual", "description": "The citizen files online (no account); the main desk accepts, observes or rejects."},
        {"name": "Seguimiento", "description": "Public tracking by the receipt's link (QR) or by code and PIN."},
        {"name": "Sistema", "description": "Health check and this document."},
    ],
    "paths": paths,
    "components": {
        "securitySchemes": {
            "bearerAuth": {
                "type": "http",
                "scheme": "bearer",
                "description": "`Authorization: Bearer <token>` with the `token` returned by `POST /api/v1/session`. No CSRF token is needed.",
            },
            "cookieAuth": {
                "type": "apiKey",
                "in": "cookie",
                "name": "sige_session",
                "description": "The HttpOnly, SameSite=Strict session cookie set by `POST /api/v1/session`. Unsafe requests (POST, PATCH, DELETE) authenticated by this cookie must also send the header `X-CSRF-Token` with the `csrf_token` returned at login; otherwise 403.",
            },
        },
        "parameters": parameters,
        "headers": headers,
        "responses": responses,
        "schemas": schemas,
    },
}

with open(OUT, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
    f.write("\n")
print(f"wrote {OUT}: {sum(len(v) for v in paths.values())} operations")
