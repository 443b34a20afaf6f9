#pragma once

// Words the data generator draws from: Peruvian names and companies, streets, unit trees of
// municipalities and regional governments, dossier types and the summaries clerks write.
// Plain arrays; bench/datagen.cpp decides the distributions.

#include <string_view>

namespace sige::bench::vocab {

inline constexpr std::string_view kFirstNames[] = {
    "María",     "José",     "Juan",     "Luis",     "Carlos",   "Rosa",    "Ana",
    "Jorge",     "Lucía",    "Carmen",   "Pedro",    "Miguel",   "Julio",   "Elena",
    "Sofía",     "Diego",    "Milagros", "Wilfredo", "Yolanda",  "Edwin",   "Fiorella",
    "Katherine", "Giovanna", "Percy",    "Hugo",     "Nelly",    "Flor",    "Marco",
    "Raúl",      "César",    "Javier",   "Fernando", "Patricia", "Gladys",  "Martha",
    "Víctor",    "Alberto",  "Ricardo",  "Óscar",    "Silvia",   "Liliana", "Jhon",
    "Brayan",    "Cinthia",  "Yesenia",  "Ruth",     "Teresa",   "Walter",  "Alejandro",
    "Daniel",    "Gabriela", "Valeria",  "Camila",   "Andrea",   "Renzo",   "Franco",
    "Nilda",     "Maribel",  "Norma",    "Mercedes", "Héctor",   "Ángel",   "Iván",
    "Edgar",     "Rocío",    "Susana",   "Wilber",   "Anthony",  "Kevin",   "Jesús",
};

inline constexpr std::string_view kSurnames[] = {
    "Quispe",     "Mamani",    "Huamán",    "Flores",     "Rodríguez", "García",  "Sánchez",
    "Rojas",      "Chávez",    "Ramírez",   "Torres",     "Díaz",      "López",   "Mendoza",
    "Vargas",     "Castillo",  "Gutiérrez", "Espinoza",   "Vásquez",   "Ramos",   "Pérez",
    "Gonzales",   "Cruz",      "Condori",   "Huanca",     "Ccama",     "Apaza",   "Cárdenas",
    "Salazar",    "Paredes",   "Núñez",     "Romero",     "Herrera",   "Medina",  "Aguilar",
    "Villanueva", "Reyes",     "Silva",     "Castro",     "Morales",   "Ortiz",   "Campos",
    "Jiménez",    "Fernández", "Cáceres",   "Alvarado",   "Palomino",  "Córdova", "Valverde",
    "Tello",      "Zapata",    "Ríos",      "Soto",       "Mejía",     "Benites", "Carrasco",
    "Chambi",     "Yupanqui",  "Ticona",    "Choque",     "Luna",      "Navarro", "Pinto",
    "Rivera",     "Tapia",     "Arias",     "Bustamante", "León",      "Ñahui",   "Inga",
    "Cusi",       "Sulca",     "Taipe",     "Pari",       "Huallpa",   "Atencio", "Peña",
};

inline constexpr std::string_view kCompanyPrefixes[] = {
    "Inversiones",   "Constructora", "Corporación", "Comercial",      "Servicios Generales",
    "Transportes",   "Inmobiliaria", "Consultora",  "Agroindustrias", "Distribuidora",
    "Negociaciones", "Grupo",        "Minera",      "Textil",         "Importaciones",
};

inline constexpr std::string_view kCompanyNames[] = {
    "Los Andes",     "San Martín", "El Sol",      "Pacífico",       "Santa Rosa",
    "Huascarán",     "Misti",      "Chavín",      "Inti Raymi",     "Wari",
    "Nazca",         "Vilcanota",  "Qhapaq Ñan",  "Amazonas",       "Rímac",
    "Titicaca",      "Paracas",    "Kuélap",      "Señor de Luren", "Virgen de la Candelaria",
    "Tres Hermanos", "Mi Perú",    "Lima Norte",  "del Sur",        "Andina",
    "Continental",   "Norandino",  "La Victoria",
};

inline constexpr std::string_view kCompanySuffixes[] = {"S.A.C.", "E.I.R.L.", "S.A.", "S.R.L."};

inline constexpr std::string_view kStreetKinds[] = {"Av.", "Jr.", "Calle", "Psje.", "Mz. B Lt."};

inline constexpr std::string_view kStreets[] = {
    "Los Olivos",
    "José Gálvez",
    "Grau",
    "Bolognesi",
    "Arequipa",
    "Javier Prado",
    "Túpac Amaru",
    "Los Incas",
    "San Martín",
    "Libertad",
    "Mariscal Castilla",
    "Ramón Castilla",
    "Sucre",
    "Lima",
    "Huáscar",
    "Manco Cápac",
    "Las Flores",
    "Los Pinos",
    "Santa Rosa",
    "El Sol",
    "Independencia",
    "Progreso",
    "Miguel Grau",
    "Francisco Bolognesi",
    "Alfonso Ugarte",
    "Petit Thouars",
    "Brasil",
    "Ayacucho",
    "Cusco",
    "Amazonas",
};

inline constexpr std::string_view kDistricts[] = {
    "Cercado",       "Miraflores", "San Isidro",
    "Surquillo",     "Wanchaq",    "Santiago",
    "San Sebastián", "Yanahuara",  "Cayma",
    "Paucarpata",    "Castilla",   "Veintiséis de Octubre",
    "El Tambo",      "Chilca",     "La Esperanza",
    "Víctor Larco",  "Chiclayo",   "José Leonardo Ortiz",
};

inline constexpr std::string_view kEmailDomains[] = {"gmail.com", "hotmail.com", "outlook.com",
                                                     "yahoo.es"};

/// An organisation the generator creates; `regional` picks the unit tree.
struct OrgSpec {
    std::string_view code;
    std::string_view name;
    bool regional;
    std::string_view seat;  ///< a second desk's town ("Mesa de Partes Sede …")
};

inline constexpr OrgSpec kOrganizations[] = {
    {"MPA", "Municipalidad Provincial de Arequipa", false, "Cerro Colorado"},
    {"GRC", "Gobierno Regional del Cusco", true, "Quillabamba"},
    {"MDMF", "Municipalidad Distrital de Miraflores", false, "Reducto"},
    {"GRP", "Gobierno Regional de Piura", true, "Sullana"},
    {"MPT", "Municipalidad Provincial de Trujillo", false, "El Porvenir"},
    {"GRJ", "Gobierno Regional de Junín", true, "Tarma"},
    {"MDSI", "Municipalidad Distrital de San Isidro", false, "Orrantia"},
    {"MPH", "Municipalidad Provincial de Huancayo", false, "Chilca"},
    {"GRL", "Gobierno Regional de Lambayeque", true, "Jaén"},
    {"MDSJL", "Municipalidad Distrital de San Juan de Lurigancho", false, "Canto Grande"},
};

struct UnitSpec {
    std::string_view code;
    std::string_view name;
};

/// A line unit with the units below it.
struct BranchSpec {
    UnitSpec head;
    UnitSpec children[8];
};

// The staff offices every organisation has, under the general management.
inline constexpr UnitSpec kMunicipalStaff[] = {
    {"SG", "Secretaría General"},
    {"OCI", "Órgano de Control Institucional"},
    {"PPM", "Procuraduría Pública Municipal"},
    {"OAJ", "Oficina de Asesoría Jurídica"},
    {"OPP", "Oficina de Planeamiento y Presupuesto"},
    {"OII", "Oficina de Imagen Institucional"},
    {"OTI", "Oficina de Tecnologías de la Información"},
};

inline constexpr UnitSpec kRegionalStaff[] = {
    {"SG", "Secretaría General"},
    {"OCI", "Órgano de Control Institucional"},
    {"PPR", "Procuraduría Pública Regional"},
    {"ORAJ", "Oficina Regional de Asesoría Jurídica"},
    {"OCII", "Oficina de Comunicaciones e Imagen Institucional"},
    {"OTI", "Oficina de Tecnologías de la Información"},
};

inline constexpr BranchSpec kMunicipalBranches[] = {
    {{"GDU", "Gerencia de Desarrollo Urbano"},
     {{"SOP", "Subgerencia de Obras Privadas"},
      {"SOPU", "Subgerencia de Obras Públicas"},
      {"SCT", "Subgerencia de Catastro"},
      {"SPU", "Subgerencia de Planeamiento Urbano"},
      {"SHU", "Subgerencia de Habilitaciones Urbanas"},
      {"SCU", "Subgerencia de Control Urbano"}}},
    {{"GAF", "Gerencia de Administración y Finanzas"},
     {{"SLO", "Subgerencia de Logística"},
      {"SRH", "Subgerencia de Recursos Humanos"},
      {"SCO", "Subgerencia de Contabilidad"},
      {"STE", "Subgerencia de Tesorería"},
      {"SCP", "Subgerencia de Control Patrimonial"}}},
    {{"GAT", "Gerencia de Administración Tributaria"},
     {{"SRE", "Subgerencia de Recaudación"},
      {"SFT", "Subgerencia de Fiscalización Tributaria"},
      {"SEC", "Subgerencia de Ejecutoría Coactiva"},
      {"SOC", "Subgerencia de Orientación al Contribuyente"}}},
    {{"GDE", "Gerencia de Desarrollo Económico"},
     {{"SLC", "Subgerencia de Licencias Comerciales"},
      {"SPE", "Subgerencia de Promoción Empresarial"},
      {"STU", "Subgerencia de Turismo"}}},
    {{"GDS", "Gerencia de Desarrollo Social"},
     {{"SVL", "Subgerencia del Programa del Vaso de Leche"},
      {"DEMUNA", "Defensoría Municipal del Niño y del Adolescente"},
      {"OMAPED", "Oficina Municipal de Atención a la Persona con Discapacidad"},
      {"SEC-CUL", "Subgerencia de Educación y Cultura"},
      {"SDR", "Subgerencia de Deporte y Recreación"}}},
    {{"GSC", "Gerencia de Servicios a la Ciudad y Gestión Ambiental"},
     {{"SLP", "Subgerencia de Limpieza Pública"},
      {"SPJ", "Subgerencia de Parques y Jardines"},
      {"SGA", "Subgerencia de Gestión Ambiental"}}},
    {{"GSCI", "Gerencia de Seguridad Ciudadana"},
     {{"SSE", "Subgerencia de Serenazgo"},
      {"SFA", "Subgerencia de Fiscalización Administrativa"},
      {"SGRD", "Subgerencia de Gestión del Riesgo de Desastres"}}},
    {{"GTT", "Gerencia de Transporte y Tránsito"},
     {{"STR", "Subgerencia de Tránsito"}, {"STP", "Subgerencia de Transporte Público"}}},
    {{"GPV", "Gerencia de Participación Vecinal"},
     {{"SRC", "Subgerencia de Registro Civil"},
      {"SOV", "Subgerencia de Organizaciones Vecinales"}}},
};

inline constexpr BranchSpec kRegionalBranches[] = {
    {{"GRI", "Gerencia Regional de Infraestructura"},
     {{"SGO", "Subgerencia de Obras"},
      {"SGEI", "Subgerencia de Estudios de Inversión"},
      {"SGSL", "Subgerencia de Supervisión y Liquidación de Obras"}}},
    {{"ORA", "Oficina Regional de Administración"},
     {{"OAB", "Oficina de Abastecimiento"},
      {"OCO", "Oficina de Contabilidad"},
      {"OTE", "Oficina de Tesorería"},
      {"ORH", "Oficina de Recursos Humanos"},
      {"OPA", "Oficina de Patrimonio"}}},
    {{"GRDE", "Gerencia Regional de Desarrollo Económico"},
     {{"DIRCETUR", "Dirección Regional de Comercio Exterior y Turismo"},
      {"DRA", "Dirección Regional de Agricultura"},
      {"DIREPRO", "Dirección Regional de la Producción"},
      {"DREM", "Dirección Regional de Energía y Minas"}}},
    {{"GRDS", "Gerencia Regional de Desarrollo Social"},
     {{"DIRESA", "Dirección Regional de Salud"},
      {"DRE", "Dirección Regional de Educación"},
      {"DRTPE", "Dirección Regional de Trabajo y Promoción del Empleo"},
      {"DRVCS", "Dirección Regional de Vivienda, Construcción y Saneamiento"}}},
    {{"GRRNGMA", "Gerencia Regional de Recursos Naturales y Gestión del Medio Ambiente"},
     {{"SGRN", "Subgerencia de Recursos Naturales"},
      {"SGGA", "Subgerencia de Gestión Ambiental"},
      {"SGDC", "Subgerencia de Defensa Civil"}}},
    {{"GRPPAT", "Gerencia Regional de Planeamiento, Presupuesto y Acondicionamiento Territorial"},
     {{"SGP", "Subgerencia de Presupuesto"},
      {"SGPL", "Subgerencia de Planeamiento"},
      {"SGAT", "Subgerencia de Acondicionamiento Territorial"},
      {"OPMI", "Oficina de Programación Multianual de Inversiones"}}},
    {{"DRTC", "Dirección Regional de Transportes y Comunicaciones"},
     {{"DCT", "Dirección de Circulación Terrestre"}, {"DCV", "Dirección de Caminos"}}},
};

/// The dossier types every organisation gets (as the demo's catalogue), with how often each
/// is registered among those of its origin (weights).
struct TypeSpec {
    std::string_view code;
    std::string_view name;
    bool external;
    int weight;
};

inline constexpr TypeSpec kTypes[] = {
    {"SOLGEN", "Solicitud general", true, 30},
    {"LICFUN", "Licencia de funcionamiento", true, 15},
    {"LICEDI", "Licencia de edificación", true, 8},
    {"ACCINF", "Acceso a la información pública", true, 10},
    {"RECLAM", "Reclamo", true, 10},
    {"RECONS", "Recurso de reconsideración", true, 5},
    {"CONSTA", "Constancia o certificado", true, 15},
    {"DENUNC", "Denuncia", true, 7},
    {"MEMO", "Memorando", false, 30},
    {"INFORM", "Informe", false, 30},
    {"OFICIO", "Oficio", false, 15},
    {"REQBS", "Requerimiento de bienes y servicios", false, 15},
    {"PRORES", "Proyecto de resolución", false, 10},
};

// Fill-ins for the summaries, per type (index as kTypes).
inline constexpr std::string_view kGeneralRequests[] = {
    "copia certificada de resolución",
    "constancia de posesión",
    "información sobre el estado de su trámite",
    "reprogramación de inspección técnica",
    "devolución de pago indebido",
    "fraccionamiento de deuda tributaria",
    "autorización para evento público",
    "poda de árboles en la vía pública",
    "instalación de reductores de velocidad",
    "apoyo social por situación de salud",
    "exoneración del pago de arbitrios",
    "rectificación de datos en declaración jurada",
    "visación de planos para prescripción adquisitiva",
    "certificado de numeración de finca",
    "autorización de anuncio publicitario",
    "prescripción de deuda tributaria",
    "inscripción en el padrón de beneficiarios",
};

inline constexpr std::string_view kBusinesses[] = {
    "bodega",
    "restaurante",
    "farmacia",
    "ferretería",
    "librería",
    "peluquería",
    "consultorio odontológico",
    "taller de mecánica",
    "minimarket",
    "cabinas de internet",
    "venta de abarrotes",
    "academia preuniversitaria",
    "lavandería",
    "panadería",
    "hostal",
    "pollería",
    "juguería",
    "óptica",
    "veterinaria",
    "gimnasio",
};

inline constexpr std::string_view kBuildings[] = {
    "vivienda unifamiliar",       "vivienda multifamiliar de cinco pisos",
    "ampliación de segundo piso", "cerco perimétrico",
    "demolición total",           "remodelación de local comercial",
    "edificio de oficinas",       "conjunto residencial",
};

inline constexpr std::string_view kInformation[] = {
    "copia de contratos de obra del año 2025",
    "planilla del personal contratado",
    "actas de sesión de concejo",
    "expediente técnico de obra de pistas y veredas",
    "presupuesto institucional de apertura",
    "relación de licencias otorgadas",
    "informes de control del último semestre",
    "órdenes de servicio emitidas",
};

inline constexpr std::string_view kComplaints[] = {
    "cobro indebido de arbitrios",
    "mala atención en ventanilla",
    "demora en la atención de su trámite",
    "ruidos molestos de local vecino",
    "acumulación de basura en la vía pública",
    "falta de alumbrado público",
    "rotura de tubería de agua",
    "cobro en exceso de impuesto predial",
};

inline constexpr std::string_view kResolutions[] = {
    "resolución de sanción administrativa",      "resolución de multa",
    "denegatoria de licencia de funcionamiento", "resolución gerencial",
    "resolución de determinación tributaria",
};

inline constexpr std::string_view kCertificates[] = {
    "certificado de parámetros urbanísticos",         "constancia de no adeudo",
    "certificado de compatibilidad de uso",           "constancia de trabajo",
    "certificado de inspección técnica de seguridad", "certificado de jurisdicción",
    "constancia de posesión para servicios básicos",
};

inline constexpr std::string_view kReports[] = {
    "construcción sin licencia",
    "ocupación indebida de la vía pública",
    "comercio ambulatorio no autorizado",
    "contaminación sonora",
    "maltrato animal",
    "tala de árboles",
    "obstrucción de acequia",
    "venta de bebidas alcohólicas a menores",
};

inline constexpr std::string_view kMemoSubjects[] = {
    "solicita informe sobre avance de obra",
    "remite documentación para su trámite",
    "comunica programación de vacaciones del personal",
    "requiere atención de requerimiento pendiente",
    "convoca a reunión de coordinación",
    "solicita opinión técnica",
    "remite acta de conformidad de servicio",
    "solicita disponibilidad presupuestal",
};

inline constexpr std::string_view kReportSubjects[] = {
    "el estado situacional de la obra de saneamiento",
    "la ejecución presupuestal del trimestre",
    "la conformidad del servicio de mantenimiento",
    "la procedencia del recurso de reconsideración",
    "la liquidación de obra",
    "el inventario de bienes patrimoniales",
    "la evaluación del plan operativo institucional",
    "el saneamiento físico legal del terreno",
};

inline constexpr std::string_view kAgencies[] = {
    "la Contraloría General de la República",
    "el Ministerio de Economía y Finanzas",
    "la Sunarp",
    "la Policía Nacional del Perú",
    "el Ministerio Público",
    "el Jurado Nacional de Elecciones",
    "la Defensoría del Pueblo",
};

inline constexpr std::string_view kGoods[] = {
    "útiles de escritorio",
    "tóner para impresoras",
    "servicio de mantenimiento de vehículos",
    "combustible para la flota municipal",
    "uniformes para el personal de serenazgo",
    "equipos de cómputo",
    "servicio de limpieza de oficinas",
    "materiales de construcción",
};

inline constexpr std::string_view kApprovals[] = {
    "el plan anual de contrataciones",  "la directiva de control patrimonial",
    "el expediente técnico de la obra", "la liquidación de obra",
    "la modificación presupuestal",     "el texto único de procedimientos administrativos",
};

inline constexpr std::string_view kTransferNotes[] = {
    "Para su atención y fines pertinentes.",
    "Se remite para opinión legal.",
    "Para informe técnico.",
    "Para su conocimiento.",
    "Para firma del titular.",
    "Se adjunta informe; continuar trámite.",
    "Atender con prioridad.",
    "Para revisión y visto bueno.",
    "",
    "",
};

/// Words common in summaries and names: what a clerk types in the search box.
inline constexpr std::string_view kSearchWords[] = {
    "licencia",   "funcionamiento", "reclamo",     "informe",   "certificado", "construccion",
    "quispe",     "mamani",         "restaurante", "arbitrios", "obra",        "resolucion",
    "constancia", "solicita",       "memorando",   "denuncia",  "garcia",      "bodega",
};

}  // namespace sige::bench::vocab
