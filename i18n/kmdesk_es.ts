<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AccessEditor</name>
    <message>
        <source>Who may read this record</source>
        <translation>Quién puede leer este registro</translation>
    </message>
    <message>
        <source>The record&apos;s community (the same as on the Description page); a community record opens for its members.</source>
        <translation>La comunidad del registro (la misma que en la página Descripción); un registro comunitario se abre para sus miembros.</translation>
    </message>
    <message>
        <source>Cultural protocols</source>
        <translation>Protocolos culturales</translation>
    </message>
    <message>
        <source>Members of all ticked protocols</source>
        <translation>Miembros de todos los protocolos marcados</translation>
    </message>
    <message>
        <source>Members of any one of them</source>
        <translation>Miembros de cualquiera de ellos</translation>
    </message>
    <message>
        <source>Custodians of this sacred record</source>
        <translation>Custodios de este registro sagrado</translation>
    </message>
    <message>
        <source>Local Contexts labels and notices</source>
        <translation>Etiquetas y avisos de Local Contexts</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Protecting a record needs an unlocked profile that holds the community&apos;s or the protocols&apos; keys.</source>
        <translation>Proteger un registro requiere un perfil desbloqueado que tenga las claves de la comunidad o de los protocolos.</translation>
    </message>
    <message>
        <source>You are not a member of any cultural protocol you could apply.</source>
        <translation>No es miembro de ningún protocolo cultural que pueda aplicar.</translation>
    </message>
    <message>
        <source>You are not a member of this protocol, so it stays on the record as it is.</source>
        <translation>No es miembro de este protocolo, así que se mantiene en el registro tal como está.</translation>
    </message>
    <message>
        <source>Open protocol: anyone with a profile may read, members may edit.</source>
        <translation>Protocolo abierto: cualquiera con un perfil puede leer; los miembros pueden editar.</translation>
    </message>
    <message>
        <source>Strict protocol: members only.</source>
        <translation>Protocolo estricto: solo miembros.</translation>
    </message>
    <message>
        <source>{code} · {name}</source>
        <translation>{code} · {name}</translation>
    </message>
    <message>
        <source>This label forbids sharing with the CHM.</source>
        <translation>Esta etiqueta prohíbe compartir con el Mecanismo de Facilitación.</translation>
    </message>
    <message>
        <source>{community} ({language}), Hub project {project}: {text}</source>
        <translation>{community} ({language}), proyecto del Hub {project}: {text}</translation>
    </message>
</context>
<context>
    <name>ActionsController</name>
    <message>
        <source>&amp;New record…</source>
        <translation>&amp;Nuevo registro…</translation>
    </message>
    <message>
        <source>Create a record</source>
        <translation>Crear un registro</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importar…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportar…</translation>
    </message>
    <message>
        <source>&amp;Rebuild search index…</source>
        <translation>&amp;Reconstruir el índice de búsqueda…</translation>
    </message>
    <message>
        <source>&amp;Check index</source>
        <translation>&amp;Comprobar el índice</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;Edit record…</source>
        <translation>&amp;Editar registro…</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Editar el registro seleccionado</translation>
    </message>
    <message>
        <source>&amp;Delete record…</source>
        <translation>&amp;Eliminar registro…</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>Eliminar el registro seleccionado</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualizar</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>&amp;About kmdesk</source>
        <translation>&amp;Acerca de kmdesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <source>Search titles, texts, places, people…</source>
        <translation>Buscar en títulos, textos, lugares, personas…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Words to look for in titles, texts, places and people; the list shows what they find as you type (Ctrl+F comes here).</source>
        <translation>Palabras que buscar en títulos, textos, lugares y personas; la lista muestra lo que encuentran mientras escribe (Ctrl+F lleva aquí).</translation>
    </message>
</context>
<context>
    <name>AddProfileDialog</name>
    <message>
        <source>Add a profile</source>
        <translation>Añadir un perfil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Frase de contraseña otra vez</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Funciones</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Dé un nombre al perfil.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>La frase de contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Las dos frases de contraseña no coinciden; escríbalas de nuevo.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Elija al menos una función.</translation>
    </message>
</context>
<context>
    <name>AddProtocolDialog</name>
    <message>
        <source>Add a cultural protocol</source>
        <translation>Añadir un protocolo cultural</translation>
    </message>
    <message>
        <source>e.g. Women&apos;s knowledge, clan X</source>
        <translation>p. ej., Conocimientos de las mujeres, clan X</translation>
    </message>
    <message>
        <source>(across communities)</source>
        <translation>(entre comunidades)</translation>
    </message>
    <message>
        <source>Strict: only members may see its records</source>
        <translation>Estricto: solo los miembros pueden ver sus registros</translation>
    </message>
    <message>
        <source>Open: anyone with a profile may see, members may edit</source>
        <translation>Abierto: cualquiera con un perfil puede ver; los miembros pueden editar</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
</context>
<context>
    <name>AttachmentsView</name>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Añadir archivos…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Guardar una copia…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Sealed file (unlock to see its name)</source>
        <translation>Archivo sellado (desbloquee para ver su nombre)</translation>
    </message>
    <message>
        <source>{name} — {size} KB</source>
        <translation>{name} — {size} KB</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <source>Storing {count} file(s)…</source>
        <translation>Guardando {count} archivo(s)…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Abriendo…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Guardar una copia</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase of {name}</source>
        <translation>Cambiar la frase de contraseña de {name}</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nueva frase de contraseña</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Nueva frase de contraseña otra vez</translation>
    </message>
    <message>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>La nueva frase de contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>The two new passphrases differ; type them again.</source>
        <translation>Las dos nuevas frases de contraseña no coinciden; escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Records in conflict</source>
        <translation>Registros en conflicto</translation>
    </message>
    <message>
        <source>These records were changed on two devices at once, in the same field. Both values are kept until you choose one; the other devices learn your choice at the next sync.</source>
        <translation>Estos registros se modificaron en dos dispositivos a la vez, en el mismo campo. Se conservan ambos valores hasta que elija uno; los demás dispositivos conocerán su elección en la próxima sincronización.</translation>
    </message>
    <message>
        <source>No records in conflict.</source>
        <translation>No hay registros en conflicto.</translation>
    </message>
    <message>
        <source>{title}: {field}</source>
        <translation>{title}: {field}</translation>
    </message>
    <message>
        <source>Sealed: unlock a profile that may read this record to see its values and choose.</source>
        <translation>Sellado: desbloquee un perfil que pueda leer este registro para ver sus valores y elegir.</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Este dispositivo</translation>
    </message>
    <message>
        <source>Device {id}</source>
        <translation>Dispositivo {id}</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Conservar este valor</translation>
    </message>
    <message>
        <source>Keep the value from {who} for {field} of {title}</source>
        <translation>Conservar el valor de {who} para {field} de {title}</translation>
    </message>
    <message>
        <source>deleted on one device, edited on another</source>
        <translation>eliminado en un dispositivo, editado en otro</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>Eliminar el registro</translation>
    </message>
    <message>
        <source>Keep the record</source>
        <translation>Conservar el registro</translation>
    </message>
    <message>
        <source>Kept. The other devices learn your choice at the next sync.</source>
        <translation>Conservado. Los demás dispositivos conocerán su elección en la próxima sincronización.</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Given</source>
        <translation>Otorgado</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Otorgado por</translation>
    </message>
    <message>
        <source>Allows</source>
        <translation>Permite</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>Registrar el consentimiento…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Retirar el consentimiento…</translation>
    </message>
    <message>
        <source>Select a record to see its consent.</source>
        <translation>Seleccione un registro para ver su consentimiento.</translation>
    </message>
    <message>
        <source>(sealed)</source>
        <translation>(sellado)</translation>
    </message>
    <message>
        <source>For the community</source>
        <translation>En nombre de la comunidad</translation>
    </message>
    <message>
        <source>Community process</source>
        <translation>Proceso comunitario</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Testigos</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Prior information</source>
        <translation>Información previa</translation>
    </message>
    <message>
        <source>Informed in (language)</source>
        <translation>Informado en (idioma)</translation>
    </message>
    <message>
        <source>Informed how</source>
        <translation>Cómo se informó</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forma</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Prueba</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Registrado</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>Retirado por</translation>
    </message>
    <message>
        <source>Reason for withdrawal</source>
        <translation>Motivo del retiro</translation>
    </message>
    <message>
        <source>Recording and withdrawing consent needs an unlocked custodian profile.</source>
        <translation>Registrar y retirar el consentimiento requiere un perfil de custodio desbloqueado.</translation>
    </message>
</context>
<context>
    <name>CreatorsPage</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>Creators and knowledge holders</source>
        <translation>Creadores y poseedores de conocimientos</translation>
    </message>
    <message>
        <source>Add creator</source>
        <translation>Añadir creador</translation>
    </message>
    <message>
        <source>Remove creator</source>
        <translation>Quitar creador</translation>
    </message>
</context>
<context>
    <name>CustodianView</name>
    <message>
        <source>Custodian&apos;s view</source>
        <translation>Vista del custodio</translation>
    </message>
    <message>
        <source>Protocols and members</source>
        <translation>Protocolos y miembros</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Comunidades</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Perfiles</translation>
    </message>
    <message>
        <source>Local Contexts</source>
        <translation>Local Contexts</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>Key version</source>
        <translation>Versión de la clave</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Miembros</translation>
    </message>
    <message>
        <source>Add protocol…</source>
        <translation>Añadir protocolo…</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>Añadir miembro…</translation>
    </message>
    <message>
        <source>Remove member…</source>
        <translation>Quitar miembro…</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Add community…</source>
        <translation>Añadir comunidad…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Funciones</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protocolos</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>Añadir perfil…</translation>
    </message>
    <message>
        <source>Change my passphrase…</source>
        <translation>Cambiar mi frase de contraseña…</translation>
    </message>
    <message>
        <source>Hub project</source>
        <translation>Proyecto del Hub</translation>
    </message>
    <message>
        <source>Project id</source>
        <translation>Id. del proyecto</translation>
    </message>
    <message>
        <source>Labels and notices</source>
        <translation>Etiquetas y avisos</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>En caché</translation>
    </message>
    <message>
        <source>Import Hub project from file…</source>
        <translation>Importar proyecto del Hub desde un archivo…</translation>
    </message>
    <message>
        <source>A Local Contexts Hub project (API v2 JSON) brings the community&apos;s own wording and language for its labels; it is kept here for offline use.</source>
        <translation>Un proyecto del Local Contexts Hub (JSON de la API v2) trae la redacción y el idioma propios de la comunidad para sus etiquetas; se guarda aquí para usarlo sin conexión.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verificar la cadena</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>estricto</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>{name} (untrusted)</source>
        <translation>{name} (no es de confianza)</translation>
    </message>
    <message>
        <source>Members of {protocol}</source>
        <translation>Miembros de {protocol}</translation>
    </message>
    <message>
        <source>Add a community</source>
        <translation>Añadir una comunidad</translation>
    </message>
    <message>
        <source>Name of the community:</source>
        <translation>Nombre de la comunidad:</translation>
    </message>
    <message>
        <source>Its country (two-letter code, e.g. pe), or leave empty:</source>
        <translation>Su país (código de dos letras, p. ej., pe), o déjelo vacío:</translation>
    </message>
    <message>
        <source>Community {name} added.</source>
        <translation>Comunidad {name} añadida.</translation>
    </message>
    <message>
        <source>Protocol {name} added.</source>
        <translation>Protocolo {name} añadido.</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Añadir miembro</translation>
    </message>
    <message>
        <source>Every profile is already a member of {protocol}.</source>
        <translation>Todos los perfiles ya son miembros de {protocol}.</translation>
    </message>
    <message>
        <source>Give the key of {protocol} to:</source>
        <translation>Dar la clave de {protocol} a:</translation>
    </message>
    <message>
        <source>{profile} is now a member of {protocol}.</source>
        <translation>{profile} es ahora miembro de {protocol}.</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Quitar miembro</translation>
    </message>
    <message>
        <source>Remove {profile} from {protocol}?

The protocol gets a new key and its {count} record(s) are re-sealed with it, so the key {profile} held opens nothing written from now on. This can take a while.</source>
        <translation>¿Quitar a {profile} de {protocol}?

El protocolo recibe una clave nueva y sus registros ({count}) se vuelven a sellar con ella, de modo que la clave que tenía {profile} no abre nada de lo que se escriba a partir de ahora. Puede tardar un poco.</translation>
    </message>
    <message>
        <source>What {profile} already synced or copied stays readable to them: removal stops new keys, it cannot take back what they hold.</source>
        <translation>Lo que {profile} ya sincronizó o copió sigue siendo legible para esa persona: retirarla detiene las nuevas claves, no puede recuperar lo que ya tiene.</translation>
    </message>
    <message>
        <source>{profile} removed from {protocol}; the key was rotated and {count} record(s) re-sealed.</source>
        <translation>{profile} quitado de {protocol}; se cambió la clave y se volvieron a sellar {count} registros.</translation>
    </message>
    <message>
        <source>Hub project {title} imported.</source>
        <translation>Proyecto del Hub {title} importado.</translation>
    </message>
    <message>
        <source>Rotating the key of {protocol}…</source>
        <translation>Cambiando la clave de {protocol}…</translation>
    </message>
    <message>
        <source>Profile {name} added.</source>
        <translation>Perfil {name} añadido.</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>Creando {name}…</translation>
    </message>
    <message>
        <source>Import a Local Contexts Hub project</source>
        <translation>Importar un proyecto del Local Contexts Hub</translation>
    </message>
    <message>
        <source>Hub project (*.json);;All files (*)</source>
        <translation>Proyecto del Hub (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>The audit log is intact: {count} events, none changed or removed.</source>
        <translation>El registro de auditoría está intacto: {count} eventos, ninguno modificado ni eliminado.</translation>
    </message>
    <message>
        <source>The audit log was tampered with at event {seq}: {problem}</source>
        <translation>El registro de auditoría fue manipulado en el evento {seq}: {problem}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard — kmdesk</source>
        <translation>Panel — kmdesk</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Objetivos del Marco Mundial</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Metas del Marco Mundial</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Tipos</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Comunidades</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <source>Records by year</source>
        <translation>Registros por año</translation>
    </message>
    <message>
        <source>Sharing with the CHM</source>
        <translation>Intercambio con el Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Compartidos</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En espera de envío</translation>
    </message>
    <message>
        <source>Refused by the CHM</source>
        <translation>Rechazados por el Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>Withdrawn from the CHM</source>
        <translation>Retirados del Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Expiring within {days} days</source>
        <translation>Vence en menos de {days} días</translation>
    </message>
    <message>
        <source>{records} records counted (sacred records never are) · {covered} of {targets} GBF targets covered</source>
        <translation>{records} registros contados (los sagrados nunca) · {covered} de {targets} metas cubiertas</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>The dashboard could not be computed: {reason}</source>
        <translation>No se pudo calcular el panel: {reason}</translation>
    </message>
    <message>
        <source>Refused: {reason} ({count})</source>
        <translation>Rechazado: {reason} ({count})</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo indicado</translation>
    </message>
    <message>
        <source>Not counted: {count} records failed their integrity check ({ids})</source>
        <translation>No contados: {count} registros no superaron el control de integridad ({ids})</translation>
    </message>
    <message>
        <source>Goal {code} · {title}</source>
        <translation>Objetivo {code} · {title}</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Meta {number}: {title}</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>{chart}: {value}</source>
        <translation>{chart}: {value}</translation>
    </message>
</context>
<context>
    <name>DescriptionPage</name>
    <message>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>separados por comas</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>AAAA, AAAA-MM o AAAA-MM-DD</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>language tags, e.g. quz, es</source>
        <translation>etiquetas de idioma, p. ej., quz, es</translation>
    </message>
    <message>
        <source>two-letter codes, e.g. pe, bo</source>
        <translation>códigos de dos letras, p. ej., pe, bo</translation>
    </message>
    <message>
        <source>separated by commas; coordinates after @, e.g. Cusco @ -13.53 -71.97</source>
        <translation>separados por comas; coordenadas tras @, p. ej. Cusco @ -13.53 -71.97</translation>
    </message>
    <message>
        <source>A place may carry its latitude and longitude in decimal degrees after an @ (south and west negative): it then appears as a dot on the map.</source>
        <translation>Un lugar puede llevar su latitud y longitud en grados decimales tras una @ (sur y oeste negativos): aparece entonces como un punto en el mapa.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>Clase de recurso</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Palabras clave</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <source>Practitioner directory</source>
        <translation>Directorio de profesionales</translation>
    </message>
    <message>
        <source>Any expertise</source>
        <translation>Cualquier especialidad</translation>
    </message>
    <message>
        <source>Target {number} · {title}</source>
        <translation>Meta {number} · {title}</translation>
    </message>
    <message>
        <source>e.g. es, quz</source>
        <translation>p. ej. es, quz</translation>
    </message>
    <message>
        <source>e.g. pe, bo</source>
        <translation>p. ej. pe, bo</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>Especialidad</translation>
    </message>
    <message>
        <source>Speaks</source>
        <translation>Habla</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contacto</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Export vCards…</source>
        <translation>Exportar vCards…</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Buscando…</translation>
    </message>
    <message>
        <source>not listed (no consent to show contacts)</source>
        <translation>no figura (sin consentimiento para mostrar contactos)</translation>
    </message>
    <message>
        <source>{contacts} (listed with the consent of {who}, {day})</source>
        <translation>{contacts} (incluido con el consentimiento de {who}, {day})</translation>
    </message>
    <message>
        <source>{contacts} (listed with consent)</source>
        <translation>{contacts} (incluido con consentimiento)</translation>
    </message>
    <message>
        <source>{title} (from the CHM)</source>
        <translation>{title} (del Mecanismo de Facilitación)</translation>
    </message>
    <message>
        <source>{count} people and organizations, {listed} listed with their consent.</source>
        <translation>{count} personas y organizaciones, {listed} incluidas con su consentimiento.</translation>
    </message>
    <message>
        <source>Export vCards</source>
        <translation>Exportar vCards</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>Archivos vCard (*.vcf)</translation>
    </message>
    <message>
        <source>{written} vCards written; {left} not listed or not public, left out.</source>
        <translation>{written} vCards escritas; {left} no incluidas o no públicas, omitidas.</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Filters</source>
        <translation>Filtros</translation>
    </message>
    <message>
        <source>Values of the records found, with how many have each; tick one (Space) to list only those records.</source>
        <translation>Valores de los registros encontrados, con cuántos tienen cada uno; marque uno (Espacio) para listar solo esos registros.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Deleted records: open the trash to restore them or forget them for good.</source>
        <translation>Registros eliminados: abra la papelera para restaurarlos u olvidarlos definitivamente.</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Trash ({count})</source>
        <translation>Papelera ({count})</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>Clase de recurso</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Metas del Marco Mundial</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Objetivos del Marco Mundial</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Acceso</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integridad</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Colección</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>Goal {code} · {title}</source>
        <translation>Objetivo {code} · {title}</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Dañado</translation>
    </message>
    <message>
        <source>From the CHM</source>
        <translation>Del Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>This library</source>
        <translation>Esta biblioteca</translation>
    </message>
    <message>
        <source>No consent recorded</source>
        <translation>Sin consentimiento registrado</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>No necesario</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
</context>
<context>
    <name>FilesController</name>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Records (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;Spreadsheets (*.csv *.tsv *.xlsx);;References (*.ris *.bib);;CHM documents or kmdesk library (*.json);;kmdesk archive (*.kmd);;All files (*)</source>
        <translation>Registros (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;Hojas de cálculo (*.csv *.tsv *.xlsx);;Referencias (*.ris *.bib);;Documentos del CHM o biblioteca kmdesk (*.json);;Archivo kmdesk (*.kmd);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>An import is running: start the next one when it is done (or cancel it in the status bar).</source>
        <translation>Hay una importación en curso: inicie la siguiente cuando termine (o cancélela en la barra de estado).</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importación terminada</translation>
    </message>
    <message>
        <source>Imported: {imported}
Already in the library (skipped): {skipped}
Not imported because of errors: {errors}</source>
        <translation>Importados: {imported}
Ya en la biblioteca (omitidos): {skipped}
No importados por errores: {errors}</translation>
    </message>
    <message>
        <source>kmdesk library (*.json)</source>
        <translation>Biblioteca kmdesk (*.json)</translation>
    </message>
    <message>
        <source>kmdesk archive with files (*.kmd)</source>
        <translation>Archivo kmdesk con archivos (*.kmd)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Hoja de cálculo CSV (*.csv)</translation>
    </message>
    <message>
        <source>RIS references (*.ris)</source>
        <translation>Referencias RIS (*.ris)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>CHM resource documents (*.json)</source>
        <translation>Documentos de recursos del CHM (*.json)</translation>
    </message>
    <message>
        <source>Dublin Core XML (*.xml)</source>
        <translation>Dublin Core XML (*.xml)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Exportación terminada</translation>
    </message>
    <message>
        <source>{count} public records written to {path}.
Records that are not public stay in this library.</source>
        <translation>{count} registros públicos escritos en {path}.
Los registros que no son públicos se quedan en esta biblioteca.</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>Exportando a {name}…</translation>
    </message>
</context>
<context>
    <name>FirstCustodianDialog</name>
    <message>
        <source>Protect this library</source>
        <translation>Proteger esta biblioteca</translation>
    </message>
    <message>
        <source>The first profile is the library&apos;s custodian: the person who decides, with the community, who may read what. Restricted knowledge is encrypted with keys that only the passphrase opens, so keep it safe: nobody can recover a forgotten passphrase.</source>
        <translation>El primer perfil es el custodio de la biblioteca: la persona que decide, con la comunidad, quién puede leer qué. Los conocimientos restringidos se cifran con claves que solo abre la frase de contraseña; guárdela bien: nadie puede recuperar una frase de contraseña olvidada.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Frase de contraseña otra vez</translation>
    </message>
    <message>
        <source>Create custodian</source>
        <translation>Crear custodio</translation>
    </message>
    <message>
        <source>Give the custodian a name.</source>
        <translation>Dé un nombre al custodio.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>La frase de contraseña necesita al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Las dos frases de contraseña no coinciden; escríbalas de nuevo.</translation>
    </message>
</context>
<context>
    <name>GbfPage</name>
    <message>
        <source>Goals</source>
        <translation>Objetivos</translation>
    </message>
    <message>
        <source>Goal {code}: {title}</source>
        <translation>Objetivo {code}: {title}</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
</context>
<context>
    <name>HistoryTree</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Quién</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Qué cambió</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Editado</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>Restaurado desde la papelera</translation>
    </message>
    <message>
        <source>Withheld: only those the record&apos;s access admits may read this value.</source>
        <translation>Retenido: solo quienes admite el acceso del registro pueden leer este valor.</translation>
    </message>
    <message>
        <source>(withheld)</source>
        <translation>(retenido)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>Clase de recurso</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Palabras clave</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Objetivos del Marco Mundial</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Metas del Marco Mundial</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>Temas del CDB</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Creadores</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identificadores</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Acceso</translation>
    </message>
</context>
<context>
    <name>HubController</name>
    <message>
        <source>&amp;Sync with the hub now</source>
        <translation>&amp;Sincronizar con el nodo ahora</translation>
    </message>
    <message>
        <source>Send this library&apos;s changes to the hub and receive the other devices&apos; (Ctrl+Shift+S)</source>
        <translation>Enviar los cambios de esta biblioteca al nodo y recibir los de los demás dispositivos (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Records in &amp;conflict…</source>
        <translation>Registros en &amp;conflicto…</translation>
    </message>
    <message>
        <source>&amp;Refused changes…</source>
        <translation>Cambios &amp;rechazados…</translation>
    </message>
    <message>
        <source>Sync &amp;automatically every…</source>
        <translation>Sincronizar &amp;automáticamente cada…</translation>
    </message>
    <message>
        <source>H&amp;ub</source>
        <translation>&amp;Nodo</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>Sincronizar automáticamente</translation>
    </message>
    <message>
        <source>Sync with the hub every this many minutes while a profile is unlocked (0: only when asked):</source>
        <translation>Sincronizar con el nodo cada tantos minutos mientras haya un perfil desbloqueado (0: solo cuando se pida):</translation>
    </message>
    <message>
        <source>A sync with the hub is already running.</source>
        <translation>Ya hay una sincronización con el nodo en curso.</translation>
    </message>
    <message>
        <source>Unlock a profile to sync with the hub: its key signs this device&apos;s changes.</source>
        <translation>Desbloquee un perfil para sincronizar con el nodo: su clave firma los cambios de este dispositivo.</translation>
    </message>
    <message>
        <source>Sync stopped: what was sent or received stays; the next sync goes on from there.</source>
        <translation>Sincronización detenida: lo enviado o recibido se conserva; la próxima sincronización continúa desde ahí.</translation>
    </message>
    <message>
        <source>Hub unreachable</source>
        <translation>Nodo inaccesible</translation>
    </message>
    <message>
        <source>The hub cannot be reached, so nothing was synced. You can keep working: nothing was lost, and this library&apos;s changes wait here until the next sync.</source>
        <translation>No se puede llegar al nodo, así que no se sincronizó nada. Puede seguir trabajando: no se perdió nada y los cambios de esta biblioteca esperan aquí hasta la próxima sincronización.</translation>
    </message>
    <message>
        <source>Sync with the hub</source>
        <translation>Sincronización con el nodo</translation>
    </message>
    <message>
        <source>Changes sent: {sent}. Changes received from other devices: {received}.</source>
        <translation>Cambios enviados: {sent}. Cambios recibidos de otros dispositivos: {received}.</translation>
    </message>
    <message>
        <source>Records now in conflict, waiting for you to choose (Hub › Records in conflict…):</source>
        <translation>Registros ahora en conflicto, a la espera de que elija (Nodo › Registros en conflicto…):</translation>
    </message>
    <message>
        <source>Changes refused and quarantined (not applied here):</source>
        <translation>Cambios rechazados y en cuarentena (no aplicados aquí):</translation>
    </message>
    <message>
        <source>Not sent:</source>
        <translation>No enviado:</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Advertencias:</translation>
    </message>
    <message>
        <source>Records to take down from {target}, where their consent or access no longer lets them stay (sent at the next sync with it, in the Sync panel): {count}.</source>
        <translation>Registros que retirar de {target}, porque su consentimiento o su acceso ya no les permite seguir allí (se envía en la próxima sincronización con él, en el panel de sincronización): {count}.</translation>
    </message>
    <message>
        <source>Synced with the hub</source>
        <translation>Sincronizado con el nodo</translation>
    </message>
    <message>
        <source>Synced with the hub. {outcome}</source>
        <translation>Sincronizado con el nodo. {outcome}</translation>
    </message>
    <message>
        <source>Removed from a protocol</source>
        <translation>Retirado de un protocolo</translation>
    </message>
    <message>
        <source>A custodian removed {name} from {protocols}.

You receive no new keys for it: what is written or changed in it from now on does not open for you.

What you already synced is not taken from you: copies you kept of it (exports, backups) stay readable to you. In this library it is now sealed under the protocol&apos;s new key.</source>
        <translation>Un custodio retiró a {name} de {protocols}.

No recibirá nuevas claves para él: lo que se escriba o cambie en él a partir de ahora no se abre para usted.

Lo que ya sincronizó no se le quita: las copias que guardó (exportaciones, copias de seguridad) siguen siendo legibles para usted. En esta biblioteca queda ahora sellado con la nueva clave del protocolo.</translation>
    </message>
    <message>
        <source>Hub change {seq}: {kind} {key} from device {device}: {reason}</source>
        <translation>Cambio del nodo {seq}: {kind} {key} del dispositivo {device}: {reason}</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Cambios rechazados</translation>
    </message>
    <message>
        <source>No change from the hub was refused.</source>
        <translation>No se rechazó ningún cambio del nodo.</translation>
    </message>
</context>
<context>
    <name>HubProgress</name>
    <message>
        <source>Syncing with the hub…</source>
        <translation>Sincronizando con el nodo…</translation>
    </message>
    <message>
        <source>Stop the sync: what was sent or received stays; the next sync goes on from there.</source>
        <translation>Detener la sincronización: lo enviado o recibido se conserva; la próxima sincronización continúa desde ahí.</translation>
    </message>
    <message>
        <source>Stop the sync with the hub</source>
        <translation>Detener la sincronización con el nodo</translation>
    </message>
    <message>
        <source>{done} of {total} changes received</source>
        <translation>{done} de {total} cambios recibidos</translation>
    </message>
</context>
<context>
    <name>HubStatusButton</name>
    <message>
        <source>Hub: synced</source>
        <translation>Nodo: sincronizado</translation>
    </message>
    <message>
        <source>Hub: syncing…</source>
        <translation>Nodo: sincronizando…</translation>
    </message>
    <message>
        <source>Hub: offline</source>
        <translation>Nodo: sin conexión</translation>
    </message>
    <message>
        <source>Hub: sync failed</source>
        <translation>Nodo: la sincronización falló</translation>
    </message>
    <message>
        <source>Hub: {count} waiting for you</source>
        <translation>Nodo: {count} esperan por usted</translation>
    </message>
    <message>
        <source>Hub: {url}</source>
        <translation>Nodo: {url}</translation>
    </message>
    <message>
        <source>Last sync: {when} ({ago})</source>
        <translation>Última sincronización: {when} ({ago})</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Última sincronización: nunca</translation>
    </message>
    <message>
        <source>Reachable; this library is up to date with it.</source>
        <translation>Accesible; esta biblioteca está al día con él.</translation>
    </message>
    <message>
        <source>Sending this library&apos;s changes and receiving the others&apos;…</source>
        <translation>Enviando los cambios de esta biblioteca y recibiendo los de los demás…</translation>
    </message>
    <message>
        <source>The hub cannot be reached. You can keep working: changes wait here and go at the next sync.</source>
        <translation>No se puede llegar al nodo. Puede seguir trabajando: los cambios esperan aquí y se envían en la próxima sincronización.</translation>
    </message>
    <message>
        <source>The last sync failed: {error}</source>
        <translation>La última sincronización falló: {error}</translation>
    </message>
    <message>
        <source>Reachable; something waits for a person to look at it.</source>
        <translation>Accesible; hay algo que espera a que una persona lo revise.</translation>
    </message>
    <message>
        <source>Changes waiting here to be sent: {count}</source>
        <translation>Cambios que esperan aquí para enviarse: {count}</translation>
    </message>
    <message>
        <source>Records in conflict, waiting for you to choose: {count}</source>
        <translation>Registros en conflicto que esperan su elección: {count}</translation>
    </message>
    <message>
        <source>Changes from the hub refused and quarantined: {count}</source>
        <translation>Cambios del nodo rechazados y en cuarentena: {count}</translation>
    </message>
    <message>
        <source>Click to sync now.</source>
        <translation>Haga clic para sincronizar ahora.</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>hace un momento</translation>
    </message>
    <message>
        <source>{count} min ago</source>
        <translation>hace {count} min</translation>
    </message>
    <message>
        <source>{count} h ago</source>
        <translation>hace {count} h</translation>
    </message>
    <message>
        <source>{count} d ago</source>
        <translation>hace {count} d</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {name}</source>
        <translation>Importar {name}</translation>
    </message>
    <message>
        <source>Skip it</source>
        <translation>Omitirlo</translation>
    </message>
    <message>
        <source>Merge it into the existing record</source>
        <translation>Fusionarlo con el registro existente</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Conservar ambos</translation>
    </message>
    <message>
        <source>Language of text columns that do not name one (BCP 47, e.g. en, es, fr)</source>
        <translation>Idioma de las columnas de texto que no indican uno (BCP 47, p. ej., en, es, fr)</translation>
    </message>
    <message>
        <source>The passphrase the custodian sealed the archive&apos;s restricted records with</source>
        <translation>La frase de contraseña con la que el custodio selló los registros restringidos del archivo</translation>
    </message>
    <message>
        <source>When a row duplicates a record:</source>
        <translation>Cuando una fila duplica un registro:</translation>
    </message>
    <message>
        <source>Language of the text:</source>
        <translation>Idioma del texto:</translation>
    </message>
    <message>
        <source>Archive passphrase (sealed records):</source>
        <translation>Frase de contraseña del archivo (registros sellados):</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Leyendo {name}…</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Se convierte en</translation>
    </message>
    <message>
        <source>{format} file: the first {count} rows as they would be imported ({errors} with problems). Choose the field each column goes to.</source>
        <translation>Archivo {format}: las primeras {count} filas tal como se importarían ({errors} con problemas). Elija el campo al que va cada columna.</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>(ignorar esta columna)</translation>
    </message>
    <message>
        <source>Identifier (UUID)</source>
        <translation>Identificador (UUID)</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <source>Resource kind</source>
        <translation>Clase de recurso</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>Texto completo</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Año</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Nivel de acceso</translation>
    </message>
    <message>
        <source>Cultural protocols</source>
        <translation>Protocolos culturales</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Palabras clave</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>Temas del CDB</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Local Contexts labels</source>
        <translation>Etiquetas de Local Contexts</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Objetivos del Marco Mundial</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Metas del Marco Mundial</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identificador</translation>
    </message>
    <message>
        <source>{field} ({detail})</source>
        <translation>{field} ({detail})</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importado</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>fusionado</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>omitido</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>no importado</translation>
    </message>
    <message>
        <source>Imported: {imported} · merged: {merged} · skipped: {skipped} · not imported: {errors}</source>
        <translation>Importados: {imported} · fusionados: {merged} · omitidos: {skipped} · no importados: {errors}</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Stop the import; nothing of it is kept.</source>
        <translation>Detener la importación; no se conserva nada de ella.</translation>
    </message>
    <message>
        <source>You can search and read meanwhile; changes you save wait until the import is done.</source>
        <translation>Mientras tanto puede buscar y leer; los cambios que guarde esperan a que termine la importación.</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Importando {name}…</translation>
    </message>
    <message>
        <source>{done} of {total} records imported</source>
        <translation>{done} de {total} registros importados</translation>
    </message>
</context>
<context>
    <name>IndexCatchUp</name>
    <message>
        <source>Indexing the library for search…</source>
        <translation>Indexando la biblioteca para la búsqueda…</translation>
    </message>
    <message>
        <source>Stop indexing; it resumes the next time this library opens.</source>
        <translation>Detener la indexación; se reanudará la próxima vez que se abra esta biblioteca.</translation>
    </message>
    <message>
        <source>{done} of {total} records indexed</source>
        <translation>{done} de {total} registros indexados</translation>
    </message>
</context>
<context>
    <name>IndexController</name>
    <message>
        <source>Indexing stopped: records not indexed yet are not found by a search. Indexing resumes the next time this library opens.</source>
        <translation>Indexación detenida: la búsqueda no encuentra los registros aún no indexados. La indexación se reanudará la próxima vez que se abra esta biblioteca.</translation>
    </message>
    <message>
        <source>Search index rebuilt ({count} records).</source>
        <translation>Índice de búsqueda reconstruido ({count} registros).</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>Reconstruyendo el índice de búsqueda…</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>Índice de búsqueda</translation>
    </message>
    <message>
        <source>The search index matches the library.</source>
        <translation>El índice de búsqueda coincide con la biblioteca.</translation>
    </message>
    <message>
        <source>The search index does not match the library.
Missing: {missing}
Out of date: {stale}
No longer in the library: {orphans}

Use File › Rebuild search index… to repair it.</source>
        <translation>El índice de búsqueda no coincide con la biblioteca.
Faltan: {missing}
Desactualizados: {stale}
Ya no están en la biblioteca: {orphans}

Use Archivo › Reconstruir el índice de búsqueda… para repararlo.</translation>
    </message>
    <message>
        <source>Checking the search index…</source>
        <translation>Comprobando el índice de búsqueda…</translation>
    </message>
</context>
<context>
    <name>InsightsController</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Mapa</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Informe…</translation>
    </message>
    <message>
        <source>Showing {what} · &lt;a href=&quot;all&quot;&gt;show all records&lt;/a&gt;</source>
        <translation>Se muestra {what} · &lt;a href=&quot;all&quot;&gt;mostrar todos los registros&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>IntegrityStatus</name>
    <message>
        <source>rows that failed their integrity check (changed outside kmdesk): {count}</source>
        <translation>filas que no superaron el control de integridad (modificadas fuera de kmdesk): {count}</translation>
    </message>
    <message>
        <source>the library is older than when it was last opened here</source>
        <translation>la biblioteca es más antigua que la última vez que se abrió aquí</translation>
    </message>
    <message>
        <source>its rows are not signed yet</source>
        <translation>sus filas aún no están firmadas</translation>
    </message>
    <message>
        <source>Integrity warning: {parts}</source>
        <translation>Aviso de integridad: {parts}</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Detalles…</translation>
    </message>
    <message>
        <source>Integrity problems: details</source>
        <translation>Problemas de integridad: detalles</translation>
    </message>
    <message>
        <source>Went back: {what}</source>
        <translation>Retrocedió: {what}</translation>
    </message>
    <message>
        <source>Rows not signed yet: until a custodian unlocks the library, they are untrusted.</source>
        <translation>Filas aún no firmadas: hasta que un custodio desbloquee la biblioteca, no son de confianza.</translation>
    </message>
    <message>
        <source>Integrity problems</source>
        <translation>Problemas de integridad</translation>
    </message>
    <message>
        <source>kmdesk found rows it cannot trust. They are never used: a record that fails is quarantined, a consent that fails does not count, nothing that fails is shared. Restore the library from a backup or ask a custodian; &quot;kmdesk check&quot; lists the same problems.</source>
        <translation>kmdesk encontró filas en las que no puede confiar. Nunca se usan: un registro que falla queda en cuarentena, un consentimiento que falla no cuenta y nada que falle se comparte. Restaure la biblioteca desde una copia de seguridad o consulte a un custodio; «kmdesk check» enumera los mismos problemas.</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Restricted record</source>
        <translation>Registro restringido</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Metas del Marco Mundial</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Acceso</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Meta {number}: {title}</translation>
    </message>
</context>
<context>
    <name>LibraryTable</name>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>The records the search found, one per row. The arrow keys choose a record, Enter edits it, a right click on the headings chooses the columns.</source>
        <translation>Los registros que encontró la búsqueda, uno por fila. Las flechas eligen un registro, Intro lo edita, un clic derecho en los encabezados elige las columnas.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This library is locked</source>
        <translation>Esta biblioteca está bloqueada</translation>
    </message>
    <message>
        <source>Unlock your profile to read and edit the knowledge your community&apos;s protocols allow you. Without unlocking you can browse the public records.</source>
        <translation>Desbloquee su perfil para leer y editar los conocimientos que los protocolos de su comunidad le permiten. Sin desbloquear puede consultar los registros públicos.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Browse without unlocking</source>
        <translation>Consultar sin desbloquear</translation>
    </message>
    <message>
        <source>{name} ({roles})</source>
        <translation>{name} ({roles})</translation>
    </message>
    <message>
        <source>Choose a profile first.</source>
        <translation>Elija primero un perfil.</translation>
    </message>
    <message>
        <source>Type the passphrase of {name}.</source>
        <translation>Escriba la frase de contraseña de {name}.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>kmdesk — {folder}</source>
        <translation>kmdesk — {folder}</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Archivos</translation>
    </message>
    <message>
        <source>Practitioner &amp;directory…</source>
        <translation>&amp;Directorio de profesionales…</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Papelera…</translation>
    </message>
    <message>
        <source>About kmdesk</source>
        <translation>Acerca de kmdesk</translation>
    </message>
    <message>
        <source>kmdesk {version}

Offline knowledge management for Indigenous Peoples and Local Communities and biodiversity practitioners, for the Kunming-Montreal Global Biodiversity Framework. Knowledge is shared only with free, prior and informed consent.</source>
        <translation>kmdesk {version}

Gestión de conocimientos sin conexión para pueblos indígenas y comunidades locales y profesionales de la biodiversidad, al servicio del Marco Mundial de Biodiversidad de Kunming-Montreal. Los conocimientos solo se comparten con el consentimiento libre, previo e informado.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map — kmdesk</source>
        <translation>Mapa — kmdesk</translation>
    </message>
    <message>
        <source>Countries are shaded by the number of records that name them (darker: more); a dot is a place with coordinates. Click either to list its records. Boundaries: Natural Earth (public domain).</source>
        <translation>Los países se colorean según el número de registros que los nombran (más oscuro: más); un punto es un lugar con coordenadas. Haga clic en uno u otro para ver sus registros. Fronteras: Natural Earth (dominio público).</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Contando…</translation>
    </message>
    <message>
        <source>The map could not be drawn: {reason}</source>
        <translation>No se pudo dibujar el mapa: {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{country}: %Ln record(s)</source>
        <translation>
            <numerusform>{country}: %Ln registro</numerusform>
            <numerusform>{country}: %Ln registros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{places}: %Ln record(s)</source>
        <translation>
            <numerusform>{places}: %Ln registro</numerusform>
            <numerusform>{places}: %Ln registros</numerusform>
        </translation>
    </message>
    <message>
        <source>{countries} countries and {places} places with coordinates</source>
        <translation>{countries} países y {places} lugares con coordenadas</translation>
    </message>
    <message>
        <source>Country: {name}</source>
        <translation>País: {name}</translation>
    </message>
    <message>
        <source>Place: {names}</source>
        <translation>Lugar: {names}</translation>
    </message>
</context>
<context>
    <name>MatchesView</name>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Por qué</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Coincidencias</translation>
    </message>
    <message>
        <source>Matches are found for needs, offers, organizations and people.</source>
        <translation>Se buscan coincidencias para necesidades, ofertas, organizaciones y personas.</translation>
    </message>
    <message>
        <source>Looking for matches…</source>
        <translation>Buscando coincidencias…</translation>
    </message>
    <message>
        <source>{title} (from the CHM)</source>
        <translation>{title} (del Mecanismo de Facilitación)</translation>
    </message>
    <message>
        <source>{count} matches; open one with a double click.</source>
        <translation>{count} coincidencias; abra una con doble clic.</translation>
    </message>
    <message>
        <source>No match yet: nothing in the library or the pulled CHM records fits.</source>
        <translation>Aún no hay coincidencias: nada en la biblioteca ni en los registros traídos del Mecanismo de Facilitación encaja.</translation>
    </message>
    <message>
        <source>Matches could not be found: {error}</source>
        <translation>No se pudieron buscar coincidencias: {error}</translation>
    </message>
</context>
<context>
    <name>OpenLibraryBanner</name>
    <message>
        <source>This library has no profiles: anyone using this computer can read and change it, and nothing in it can be protected. Create its first custodian to keep a community&apos;s knowledge under its own rules.</source>
        <translation>Esta biblioteca no tiene perfiles: cualquiera que use este ordenador puede leerla y modificarla, y nada en ella puede protegerse. Cree su primer custodio para mantener los conocimientos de una comunidad bajo sus propias reglas.</translation>
    </message>
    <message>
        <source>Create the first custodian…</source>
        <translation>Crear el primer custodio…</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>Mantenerla abierta</translation>
    </message>
</context>
<context>
    <name>PanesController</name>
    <message>
        <source>kmdesk — {folder} (read-only)</source>
        <translation>kmdesk — {folder} (solo lectura)</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Solo lectura</translation>
    </message>
    <message>
        <source>&amp;Filters</source>
        <translation>&amp;Filtros</translation>
    </message>
    <message>
        <source>Show or hide the filters pane</source>
        <translation>Mostrar u ocultar el panel de filtros</translation>
    </message>
    <message>
        <source>&amp;Record pane</source>
        <translation>Panel del &amp;registro</translation>
    </message>
    <message>
        <source>Show or hide the record pane</source>
        <translation>Mostrar u ocultar el panel del registro</translation>
    </message>
</context>
<context>
    <name>Places</name>
    <message>
        <source>%1° N</source>
        <translation>%1° N</translation>
    </message>
    <message>
        <source>%1° S</source>
        <translation>%1° S</translation>
    </message>
    <message>
        <source>%1° E</source>
        <translation>%1° E</translation>
    </message>
    <message>
        <source>%1° W</source>
        <translation>%1° O</translation>
    </message>
    <message>
        <source>{place} ({latitude}, {longitude})</source>
        <translation>{place} ({latitude}, {longitude})</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>language tags, e.g. quz, es, en</source>
        <translation>etiquetas de idioma, p. ej., quz, es, en</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
    <message>
        <source>Record languages, in order</source>
        <translation>Idiomas de los registros, por orden</translation>
    </message>
    <message>
        <source>A record&apos;s title and texts are shown in the interface language when the record has it, else in the first of these languages it has. Any BCP 47 tag works, e.g. quz (Cusco Quechua), mi (Maori), sw (Swahili).</source>
        <translation>El título y los textos de un registro se muestran en el idioma de la interfaz si el registro lo tiene; si no, en el primero de estos idiomas que tenga. Sirve cualquier etiqueta BCP 47, p. ej., quz (quechua del Cusco), mi (maorí), sw (suajili).</translation>
    </message>
    <message>
        <source>“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.</source>
        <translation>«{tag}» no es una etiqueta de idioma (BCP 47), p. ej., quz o pt-BR.</translation>
    </message>
</context>
<context>
    <name>ProfileSession</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Bloquear</translation>
    </message>
    <message>
        <source>&amp;Change my passphrase…</source>
        <translation>&amp;Cambiar mi frase de contraseña…</translation>
    </message>
    <message>
        <source>&amp;Custodian&apos;s view…</source>
        <translation>Vista del &amp;custodio…</translation>
    </message>
    <message>
        <source>Create the &amp;first custodian…</source>
        <translation>Crear el &amp;primer custodio…</translation>
    </message>
    <message>
        <source>Lock &amp;automatically after…</source>
        <translation>Bloquear &amp;automáticamente tras…</translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation>A&amp;cceso</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Desbloquear…</translation>
    </message>
    <message>
        <source>Lock the library: forget the keys until a passphrase is typed again (Ctrl+L)</source>
        <translation>Bloquear la biblioteca: olvidar las claves hasta que se vuelva a escribir una frase de contraseña (Ctrl+L)</translation>
    </message>
    <message>
        <source>Unlock a profile to read protected knowledge (Ctrl+L)</source>
        <translation>Desbloquear un perfil para leer conocimientos protegidos (Ctrl+L)</translation>
    </message>
    <message>
        <source>Unlocked: {name} ({roles})</source>
        <translation>Desbloqueado: {name} ({roles})</translation>
    </message>
    <message>
        <source>Locked: public records only</source>
        <translation>Bloqueado: solo registros públicos</translation>
    </message>
    <message>
        <source>Open library (no profiles)</source>
        <translation>Biblioteca abierta (sin perfiles)</translation>
    </message>
    <message>
        <source>That passphrase does not open {name}. Check it (and Caps Lock) and try again.</source>
        <translation>Esa frase de contraseña no abre {name}. Revísela (y el bloqueo de mayúsculas) e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>There is no profile named {name} any more.</source>
        <translation>Ya no existe ningún perfil llamado {name}.</translation>
    </message>
    <message>
        <source>Unlocking {name}…</source>
        <translation>Desbloqueando {name}…</translation>
    </message>
    <message>
        <source>Unlocked as {name}.</source>
        <translation>Desbloqueado como {name}.</translation>
    </message>
    <message>
        <source>Lock the library</source>
        <translation>Bloquear la biblioteca</translation>
    </message>
    <message>
        <source>An editor has changes that are not saved. Locking closes it and discards them.</source>
        <translation>Un editor tiene cambios sin guardar. Bloquear lo cierra y los descarta.</translation>
    </message>
    <message>
        <source>The library locked itself after {minutes} minutes without use.</source>
        <translation>La biblioteca se bloqueó sola tras {minutes} minutos sin uso.</translation>
    </message>
    <message>
        <source>An open editor was closed and its unsaved changes were discarded.</source>
        <translation>Se cerró un editor abierto y se descartaron sus cambios sin guardar.</translation>
    </message>
    <message>
        <source>Lock automatically</source>
        <translation>Bloqueo automático</translation>
    </message>
    <message>
        <source>Lock the library after this many minutes without use (0: never):</source>
        <translation>Bloquear la biblioteca tras estos minutos sin uso (0: nunca):</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>Creando {name}…</translation>
    </message>
    <message>
        <source>The current passphrase is not right.</source>
        <translation>La frase de contraseña actual no es correcta.</translation>
    </message>
    <message>
        <source>The passphrase of {name} was changed.</source>
        <translation>Se cambió la frase de contraseña de {name}.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Cambiando la frase de contraseña…</translation>
    </message>
    <message>
        <source>Consent saved.</source>
        <translation>Consentimiento guardado.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>RecordConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Registrar el consentimiento</translation>
    </message>
    <message>
        <source>Consent for “{title}”. A consent is the community&apos;s whole decision at the time it was given; it replaces earlier ones and is never edited afterwards.</source>
        <translation>Consentimiento para «{title}». Un consentimiento es la decisión completa de la comunidad en el momento en que se otorgó; sustituye a los anteriores y nunca se modifica después.</translation>
    </message>
    <message>
        <source>the person or authority who gave consent</source>
        <translation>la persona o autoridad que otorgó el consentimiento</translation>
    </message>
    <message>
        <source>e.g. assembly of the ayllu, council of elders</source>
        <translation>p. ej., asamblea del ayllu, consejo de ancianos</translation>
    </message>
    <message>
        <source>names, separated by commas</source>
        <translation>nombres, separados por comas</translation>
    </message>
    <message>
        <source>who receives the knowledge</source>
        <translation>quién recibe los conocimientos</translation>
    </message>
    <message>
        <source>information shared on</source>
        <translation>información compartida el</translation>
    </message>
    <message>
        <source>e.g. Quechua (quz)</source>
        <translation>p. ej., quechua (quz)</translation>
    </message>
    <message>
        <source>e.g. meeting with an interpreter, radio, written summary</source>
        <translation>p. ej., reunión con intérprete, radio, resumen escrito</translation>
    </message>
    <message>
        <source>given on</source>
        <translation>otorgado el</translation>
    </message>
    <message>
        <source>What the community agreed to</source>
        <translation>Lo que la comunidad aceptó</translation>
    </message>
    <message>
        <source>conditions the community set, in its words</source>
        <translation>condiciones que fijó la comunidad, en sus palabras</translation>
    </message>
    <message>
        <source>expires on</source>
        <translation>vence el</translation>
    </message>
    <message>
        <source>the attachment or archive reference of the signed form or recording</source>
        <translation>el adjunto o la referencia de archivo del formulario firmado o de la grabación</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Otorgado por</translation>
    </message>
    <message>
        <source>For the community</source>
        <translation>En nombre de la comunidad</translation>
    </message>
    <message>
        <source>Community process</source>
        <translation>Proceso comunitario</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Testigos</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Prior information</source>
        <translation>Información previa</translation>
    </message>
    <message>
        <source>Informed in (language)</source>
        <translation>Informado en (idioma)</translation>
    </message>
    <message>
        <source>Informed how</source>
        <translation>Cómo se informó</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consentimiento otorgado</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forma</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Condiciones</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Prueba</translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message>
        <source>No font for {scripts} is installed: this text shows as boxes. Install a font for it (Debian/Ubuntu: {packages}).</source>
        <translation>No hay ninguna fuente instalada para {scripts}: este texto se ve como cuadros. Instale una fuente (Debian/Ubuntu: {packages}).</translation>
    </message>
    <message>
        <source>Pulled from the CHM: read-only here. The next pull brings its changes.</source>
        <translation>Traído del Mecanismo de Facilitación: aquí es de solo lectura. La próxima descarga trae sus cambios.</translation>
    </message>
    <message>
        <source>Adding or removing files needs an unlocked contributor or custodian who may read this record.</source>
        <translation>Para añadir o quitar archivos hace falta un perfil de colaborador o custodio desbloqueado que pueda leer este registro.</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Editar el registro seleccionado</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>Eliminar el registro seleccionado</translation>
    </message>
    <message>
        <source>Record created.</source>
        <translation>Registro creado.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>Record moved to the trash.</source>
        <translation>Registro movido a la papelera.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>New record</source>
        <translation>Nuevo registro</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>Editar registro</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Textos</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>GBF</source>
        <translation>Marco Mundial</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Access and labels</source>
        <translation>Acceso y etiquetas</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save and keep editing (Ctrl+S)</source>
        <translation>Guardar y seguir editando (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>Guardar y cerrar</translation>
    </message>
    <message>
        <source>Add language…</source>
        <translation>Añadir idioma…</translation>
    </message>
    <message>
        <source>Add the title, summary and text in another language (any BCP 47 tag, e.g. quz, sw, pt-BR)</source>
        <translation>Añadir el título, el resumen y el texto en otro idioma (cualquier etiqueta BCP 47, p. ej., quz, sw, pt-BR)</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Añadir idioma</translation>
    </message>
    <message>
        <source>Language tag (BCP 47), for example quz, sw, ar, pt-BR:</source>
        <translation>Etiqueta de idioma (BCP 47), por ejemplo quz, sw, ar, pt-BR:</translation>
    </message>
    <message>
        <source>“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.</source>
        <translation>«{tag}» no es una etiqueta de idioma (BCP 47), p. ej., quz o pt-BR.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumen</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <source>title ({tag})</source>
        <translation>título ({tag})</translation>
    </message>
    <message>
        <source>summary ({tag})</source>
        <translation>resumen ({tag})</translation>
    </message>
    <message>
        <source>text ({tag})</source>
        <translation>texto ({tag})</translation>
    </message>
    <message>
        <source>type</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>kind of resource</source>
        <translation>clase de recurso</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>palabras clave</translation>
    </message>
    <message>
        <source>community</source>
        <translation>comunidad</translation>
    </message>
    <message>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>licencia</translation>
    </message>
    <message>
        <source>link</source>
        <translation>enlace</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>idiomas</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>países</translation>
    </message>
    <message>
        <source>places</source>
        <translation>lugares</translation>
    </message>
    <message>
        <source>goal {code}</source>
        <translation>objetivo {code}</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Metas del Marco Mundial</translation>
    </message>
    <message>
        <source>creators</source>
        <translation>creadores</translation>
    </message>
    <message>
        <source>access</source>
        <translation>acceso</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>etiquetas</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>The record selected in the list: its texts in every language, its targets, people, places and access.</source>
        <translation>El registro seleccionado en la lista: sus textos en cada idioma, sus metas, personas, lugares y acceso.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>Record pane</source>
        <translation>Panel del registro</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Select a record in the list to read it here.</source>
        <translation>Seleccione un registro de la lista para leerlo aquí.</translation>
    </message>
    <message>
        <source>On the Clearing-House</source>
        <translation>En el Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>Restricted record</source>
        <translation>Registro restringido</translation>
    </message>
    <message>
        <source>In conflict: {fields}. Two devices changed this at once; both values are kept and one is shown here. Choose in Hub › Records in conflict…</source>
        <translation>En conflicto: {fields}. Dos dispositivos lo cambiaron a la vez; se conservan ambos valores y aquí se muestra uno. Elija en Nodo › Registros en conflicto…</translation>
    </message>
    <message>
        <source>This record is protected by its community&apos;s rules. Its texts open only for a profile that may read them.</source>
        <translation>Este registro está protegido por las reglas de su comunidad. Sus textos solo se abren para un perfil que pueda leerlos.</translation>
    </message>
    <message>
        <source>Goal {code}: {title}</source>
        <translation>Objetivo {code}: {title}</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Meta {number}: {title}</translation>
    </message>
    <message>
        <source>Kunming-Montreal Global Biodiversity Framework</source>
        <translation>Marco Mundial de Biodiversidad de Kunming-Montreal</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Palabras clave</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>Temas del CDB</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Idiomas</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Creadores</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Comunidad</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lugares</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Enlace</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identificadores</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Datos de contacto</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Creado</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Último cambio</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Id. del registro</translation>
    </message>
    <message>
        <source>Not listed in the directory: without a valid consent to be listed (list_in_directory), contact details are withheld from locked views, search, exports, reports and the CHM.</source>
        <translation>No incluido en el directorio: sin un consentimiento válido para figurar en él (list_in_directory), los datos de contacto se retienen de las vistas bloqueadas, la búsqueda, las exportaciones, los informes y el Mecanismo de Facilitación.</translation>
    </message>
    <message>
        <source>Listed in the directory with the consent of {who}, given on {day}.</source>
        <translation>Incluido en el directorio con el consentimiento de {who}, otorgado el {day}.</translation>
    </message>
    <message>
        <source>Listed in the directory with a valid consent to be listed.</source>
        <translation>Incluido en el directorio con un consentimiento válido para figurar en él.</translation>
    </message>
    <message>
        <source>From the CHM</source>
        <translation>Del Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>Pulled from the central Clearing-House (identifier {identifier}). It is read-only here: the next pull brings its changes, or marks it withdrawn.</source>
        <translation>Traído del Mecanismo de Facilitación central (identificador {identifier}). Aquí es de solo lectura: la próxima descarga trae sus cambios o lo marca como retirado.</translation>
    </message>
    <message>
        <source>May go to the national CHM once someone selects it for sharing.</source>
        <translation>Puede ir al Mecanismo de Facilitación nacional en cuanto alguien lo seleccione para compartir.</translation>
    </message>
    <message>
        <source>Not eligible:</source>
        <translation>No apto:</translation>
    </message>
    <message>
        <source>Access and consent</source>
        <translation>Acceso y consentimiento</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Nivel de acceso</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protocolos</translation>
    </message>
    <message>
        <source>members of any one</source>
        <translation>miembros de cualquiera</translation>
    </message>
    <message>
        <source>Custodians</source>
        <translation>Custodios</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Etiquetas</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>GBF report</source>
        <translation>Informe del Marco</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>Página web (HTML)</translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation>Texto Markdown</translation>
    </message>
    <message>
        <source>All targets</source>
        <translation>Todas las metas</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>The report holds public records only, whoever is unlocked.</source>
        <translation>El informe contiene solo registros públicos, sea cual sea el perfil desbloqueado.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Formato:</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>Metas:</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Escribiendo el informe…</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Search failed: {reason} {detail}</source>
        <translation>La búsqueda falló: {reason} {detail}</translation>
    </message>
    <message>
        <source>Showing results for {suggestion}.</source>
        <translation>Se muestran resultados para {suggestion}.</translation>
    </message>
    <message>
        <source>Did you mean {suggestion}?</source>
        <translation>¿Quiso decir {suggestion}?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln registro</numerusform>
            <numerusform>%Ln registros</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln mostrado</numerusform>
            <numerusform>%Ln mostrados</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>SuggestionsBox</name>
    <message>
        <source>Suggested targets and subjects</source>
        <translation>Metas y temas sugeridos</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Sugerir</translation>
    </message>
    <message>
        <source>Propose GBF targets and CBD subjects from similar tagged records and the vocabularies&apos; own words; nothing is added without a click</source>
        <translation>Propone metas del Marco Mundial y temas del CDB a partir de registros etiquetados similares y de las palabras de los propios vocabularios; no se añade nada sin un clic</translation>
    </message>
    <message>
        <source>Looking at similar records…</source>
        <translation>Revisando registros similares…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Click Add for each one that fits.</source>
        <translation>Pulse Añadir en cada una que encaje.</translation>
    </message>
    <message>
        <source>No suggestion: add more text first.</source>
        <translation>Sin sugerencias: añada más texto primero.</translation>
    </message>
    <message>
        <source>Target {number} · {title}</source>
        <translation>Meta {number} · {title}</translation>
    </message>
    <message>
        <source>Subject: {title}</source>
        <translation>Tema: {title}</translation>
    </message>
    <message>
        <source>like «{title}»</source>
        <translation>como «{title}»</translation>
    </message>
    <message>
        <source>words: {words}</source>
        <translation>palabras: {words}</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>sent as draft</source>
        <translation>enviado como borrador</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>enviado para revisión</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>falló: {reason}</translation>
    </message>
    <message>
        <source>queued (last try: {error})</source>
        <translation>en cola (último intento: {error})</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en cola</translation>
    </message>
    <message>
        <source>not shared</source>
        <translation>no compartido</translation>
    </message>
    <message>
        <source>selected, not sent</source>
        <translation>seleccionado, no enviado</translation>
    </message>
    <message>
        <source>retracted</source>
        <translation>retirado</translation>
    </message>
    <message>
        <source>not eligible, taken down</source>
        <translation>no apto, retirado</translation>
    </message>
    <message>
        <source>The CHM does not know the realm “{realm}”: correct the target&apos;s realm (CHM, or CHM-DEV on the development host). Nothing was sent; records stay queued.</source>
        <translation>El Mecanismo de Facilitación no conoce el ámbito «{realm}»: corrija el ámbito del destino (CHM, o CHM-DEV en el servidor de desarrollo). No se envió nada; los registros siguen en cola.</translation>
    </message>
    <message>
        <source>The CHM at {url} refused the e-mail or password (HTTP {status}). Records stay queued.</source>
        <translation>El Mecanismo de Facilitación en {url} rechazó el correo electrónico o la contraseña (HTTP {status}). Los registros siguen en cola.</translation>
    </message>
    <message>
        <source>The target refused the account or its rights.</source>
        <translation>El destino rechazó la cuenta o sus permisos.</translation>
    </message>
    <message>
        <source>This Bioland site accepts no new content (read-only). Records stay queued.</source>
        <translation>Este sitio Bioland no acepta contenido nuevo (solo lectura). Los registros siguen en cola.</translation>
    </message>
    <message>
        <source>This target is missing its account settings.</source>
        <translation>A este destino le faltan los datos de la cuenta.</translation>
    </message>
    <message>
        <source>The run stopped.</source>
        <translation>La ejecución se detuvo.</translation>
    </message>
    <message>
        <source>Sync with the CHM</source>
        <translation>Sincronizar con el CHM</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>Por hacer</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fallos</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <source>Pull from the CHM</source>
        <translation>Traer del Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>Fetch the central CHM&apos;s public records for each CHM target&apos;s country into the read-only collection &quot;From the CHM&quot;</source>
        <translation>Trae los registros públicos del Mecanismo de Facilitación central para el país de cada destino a la colección de solo lectura «Del Mecanismo de Facilitación»</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <source>Pulling from the CHM…</source>
        <translation>Trayendo del Mecanismo de Facilitación…</translation>
    </message>
    <message>
        <source>{target}: {added} new, {updated} updated, {withdrawn} withdrawn from the CHM.</source>
        <translation>{target}: {added} nuevos, {updated} actualizados, {withdrawn} retirados del Mecanismo de Facilitación.</translation>
    </message>
    <message>
        <source>The CHM needs the title in one of the six UN languages (Arabic, Chinese, English, French, Russian, Spanish); this record has: {languages}</source>
        <translation>El Mecanismo de Facilitación necesita el título en uno de los seis idiomas de la ONU (árabe, chino, español, francés, inglés, ruso); este registro tiene: {languages}</translation>
    </message>
    <message>
        <source>The CHM accepts no identifier like this record&apos;s id; it is sent as {identifier}, the same every time.</source>
        <translation>El Mecanismo de Facilitación no acepta un identificador como el de este registro; se envía como {identifier}, siempre el mismo.</translation>
    </message>
    <message>
        <source>Share with {target}</source>
        <translation>Compartir con {target}</translation>
    </message>
    <message>
        <source>Sending needs an unlocked profile that holds the sync credentials (a custodian).</source>
        <translation>Enviar requiere un perfil desbloqueado que tenga las credenciales de sincronización (un custodio).</translation>
    </message>
    <message>
        <source>Send what waits for a retry at once, and try rejected records again</source>
        <translation>Enviar ya lo que espera un reintento y volver a probar los registros rechazados</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En espera de envío</translation>
    </message>
    <message>
        <source>Refused by the target (fix the record, then retry)</source>
        <translation>Rechazado por el destino (corrija el registro y vuelva a intentarlo)</translation>
    </message>
    <message>
        <source>This record</source>
        <translation>Este registro</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Dejar de compartir</translation>
    </message>
    <message>
        <source>Network: connected</source>
        <translation>Red: conectada</translation>
    </message>
    <message>
        <source>Network: offline — records wait in the outbox</source>
        <translation>Red: sin conexión — los registros esperan en la bandeja de salida</translation>
    </message>
    <message>
        <source>Network: unknown — sync is tried every few minutes while records wait</source>
        <translation>Red: desconocida — se intenta sincronizar cada pocos minutos mientras los registros esperan</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>{target}: last sync {when}, {queued} waiting, {failed} refused</source>
        <translation>{target}: última sincronización {when}, {queued} en espera, {failed} rechazados</translation>
    </message>
    <message>
        <source>No sync target yet: a custodian adds one with &apos;kmdesk target add&apos;.</source>
        <translation>Aún no hay destino de sincronización: un custodio lo añade con &apos;kmdesk target add&apos;.</translation>
    </message>
    <message>
        <source>(deleted record {id})</source>
        <translation>(registro eliminado {id})</translation>
    </message>
    <message>
        <source>send</source>
        <translation>enviar</translation>
    </message>
    <message>
        <source>take down</source>
        <translation>retirar</translation>
    </message>
    <message>
        <source>{todo}, tried {n}×</source>
        <translation>{todo}, intentado {n}×</translation>
    </message>
    <message>
        <source>{title} → {target}: {reason}</source>
        <translation>{title} → {target}: {reason}</translation>
    </message>
    <message>
        <source>Syncing with the CHM…</source>
        <translation>Sincronizando con el CHM…</translation>
    </message>
    <message>
        <source>Select a record to see whether it can be shared.</source>
        <translation>Seleccione un registro para ver si puede compartirse.</translation>
    </message>
    <message>
        <source>Eligible: consent and access allow sharing.</source>
        <translation>Apto: el consentimiento y el acceso permiten compartir.</translation>
    </message>
    <message>
        <source>Not eligible:</source>
        <translation>No apto:</translation>
    </message>
    <message>
        <source>The CHM still needs: {fields}</source>
        <translation>El CHM aún necesita: {fields}</translation>
    </message>
    <message>
        <source>The CHM would refuse: {problems}</source>
        <translation>El CHM lo rechazaría: {problems}</translation>
    </message>
    <message>
        <source>No sync target yet.</source>
        <translation>Aún no hay destino de sincronización.</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Trash</source>
        <translation>Papelera</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Eliminado</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>Eliminado por</translation>
    </message>
    <message>
        <source>Deleted records</source>
        <translation>Registros eliminados</translation>
    </message>
    <message>
        <source>Records deleted from this library, newest first, with when and by whom; choose one and press Restore to bring it back.</source>
        <translation>Registros eliminados de esta biblioteca, los más recientes primero, con cuándo y quién los eliminó; elija uno y pulse Restaurar para recuperarlo.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurar</translation>
    </message>
    <message>
        <source>Put the chosen record back in the library, as it was.</source>
        <translation>Devolver el registro elegido a la biblioteca, tal como estaba.</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Vaciar papelera…</translation>
    </message>
    <message>
        <source>Forget every deleted record you may remove, with its files, after asking; this cannot be undone.</source>
        <translation>Olvidar, tras preguntar, cada registro eliminado que usted pueda quitar, con sus archivos; no se puede deshacer.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Trash status</source>
        <translation>Estado de la papelera</translation>
    </message>
    <message>
        <source>Reading the trash…</source>
        <translation>Leyendo la papelera…</translation>
    </message>
    <message>
        <source>Damaged record (failed its integrity check)</source>
        <translation>Registro dañado (no superó la comprobación de integridad)</translation>
    </message>
    <message>
        <source>Restricted record (you cannot open it)</source>
        <translation>Registro restringido (no puede abrirlo)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sin título)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted record(s).</source>
        <translation>
            <numerusform>%Ln registro eliminado</numerusform>
            <numerusform>%Ln registros eliminados</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>La papelera está vacía.</translation>
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation>«{title}» restaurado.</translation>
    </message>
    <message>
        <source>{headline} {detail}</source>
        <translation>{headline} {detail}</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Withdraw consent</source>
        <translation>Retirar el consentimiento</translation>
    </message>
    <message>
        <source>Withdraw consent for “{title}”. The record will be retracted from the Clearing-House at the next sync; the history keeps the consent and its withdrawal.</source>
        <translation>Retirar el consentimiento para «{title}». El registro se retirará del Mecanismo de Facilitación en la próxima sincronización; el historial conserva el consentimiento y su retiro.</translation>
    </message>
    <message>
        <source>Every consent still standing</source>
        <translation>Todos los consentimientos aún vigentes</translation>
    </message>
    <message>
        <source>Given {date} by {name}</source>
        <translation>Otorgado el {date} por {name}</translation>
    </message>
    <message>
        <source>the person or authority withdrawing it</source>
        <translation>la persona o autoridad que lo retira</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Retirado el</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>Retirado por</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirar</translation>
    </message>
    <message>
        <source>Say who withdrew the consent.</source>
        <translation>Indique quién retiró el consentimiento.</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>Anyone using this library can read it. It may go to the national Clearing-House Mechanism when a consent covers that and no label forbids it.</source>
        <translation>Cualquier persona que use esta biblioteca puede leerlo. Puede ir al Mecanismo de Facilitación nacional cuando un consentimiento lo cubre y ninguna etiqueta lo prohíbe.</translation>
    </message>
    <message>
        <source>Only members of the record&apos;s community can read it. Its texts are encrypted on this computer; others see that it exists, not what it says.</source>
        <translation>Solo los miembros de la comunidad del registro pueden leerlo. Sus textos están cifrados en este equipo; los demás ven que existe, no lo que dice.</translation>
    </message>
    <message>
        <source>Only members of the cultural protocols ticked below can read it (all of them, or any one, as chosen). Its texts are encrypted; others see a sealed record.</source>
        <translation>Solo los miembros de los protocolos culturales marcados abajo pueden leerlo (de todos, o de cualquiera, según se elija). Sus textos están cifrados; los demás ven un registro sellado.</translation>
    </message>
    <message>
        <source>Only the custodians named below can read it, and nobody else even sees that it exists. It never leaves this computer: no export, no sync.</source>
        <translation>Solo los custodios nombrados abajo pueden leerlo, y nadie más ve siquiera que existe. Nunca sale de este equipo: ni exportación, ni sincronización.</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Vence pronto</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retirado</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Sin consentimiento</translation>
    </message>
    <message>
        <source>A current consent is in force.</source>
        <translation>Hay un consentimiento vigente.</translation>
    </message>
    <message>
        <source>The consent in force ends within 30 days; ask the community whether to renew it.</source>
        <translation>El consentimiento vigente termina en menos de 30 días; pregunte a la comunidad si desea renovarlo.</translation>
    </message>
    <message>
        <source>The consent has expired; the record is not shared until a new consent is recorded.</source>
        <translation>El consentimiento ha vencido; el registro no se comparte hasta que se registre un nuevo consentimiento.</translation>
    </message>
    <message>
        <source>The community withdrew its consent; the record is retracted from the CHM at the next sync.</source>
        <translation>La comunidad retiró su consentimiento; el registro se retira del CHM en la próxima sincronización.</translation>
    </message>
    <message>
        <source>No consent has been recorded.</source>
        <translation>No se ha registrado ningún consentimiento.</translation>
    </message>
    <message>
        <source>custodian</source>
        <translation>custodio</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>colaborador</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>lector</translation>
    </message>
    <message>
        <source>Nobody has selected it for sharing yet.</source>
        <translation>Nadie lo ha seleccionado todavía para compartir.</translation>
    </message>
    <message>
        <source>Its access level is {level}, not public.</source>
        <translation>Su nivel de acceso es {level}, no público.</translation>
    </message>
    <message>
        <source>Sacred knowledge never leaves this computer.</source>
        <translation>El conocimiento sagrado nunca sale de este equipo.</translation>
    </message>
    <message>
        <source>It is a community&apos;s knowledge: it needs a current consent covering “Share with the national CHM”.</source>
        <translation>Es conocimiento de una comunidad: necesita un consentimiento vigente que cubra «Compartir con el CHM nacional».</translation>
    </message>
    <message>
        <source>The consent expired on {date}.</source>
        <translation>El consentimiento venció el {date}.</translation>
    </message>
    <message>
        <source>The consent was withdrawn on {date}.</source>
        <translation>El consentimiento se retiró el {date}.</translation>
    </message>
    <message>
        <source>The current consent&apos;s scope is sealed: unlock a profile that may read this record to see whether it covers sharing with the CHM.</source>
        <translation>El alcance del consentimiento vigente está sellado: desbloquee un perfil que pueda leer este registro para ver si cubre el intercambio con el Mecanismo de Facilitación.</translation>
    </message>
    <message>
        <source>The current consent does not cover sharing with the CHM (it allows: {scopes}).</source>
        <translation>El consentimiento vigente no cubre compartir con el CHM (permite: {scopes}).</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <source>The label {label} forbids sharing.</source>
        <translation>La etiqueta {label} prohíbe compartir.</translation>
    </message>
    <message>
        <source>It failed its integrity check ({problem}): it cannot be shared.</source>
        <translation>No superó su control de integridad ({problem}): no se puede compartir.</translation>
    </message>
</context>
<context>
    <name>accessibility</name>
    <message>
        <source>More</source>
        <translation>Más</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Seleccionar todo</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Demo library loaded: {count} records.</source>
        <translation>Biblioteca de demostración cargada: {count} registros.</translation>
    </message>
    <message>
        <source>Preparing the demo library…</source>
        <translation>Preparando la biblioteca de demostración…</translation>
    </message>
    <message>
        <source>Library upgraded; its previous state is kept in {path}</source>
        <translation>Biblioteca actualizada; su estado anterior se conserva en {path}</translation>
    </message>
    <message>
        <source>Its rows are not signed yet: until a custodian unlocks the library, they are untrusted.</source>
        <translation>Sus filas aún no están firmadas: hasta que un custodio desbloquee la biblioteca, no son de confianza.</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consentimiento</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>membresía</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>perfil</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>registro de auditoría</translation>
    </message>
    <message>
        <source>Warning: this library is older than when it was last opened here ({parts}). If no backup was restored, someone put an older copy in its place.</source>
        <translation>Atención: esta biblioteca es más antigua que la última vez que se abrió aquí ({parts}). Si no se restauró ninguna copia de seguridad, alguien puso una copia anterior en su lugar.</translation>
    </message>
    <message>
        <source>kmdesk cannot open the library</source>
        <translation>kmdesk no puede abrir la biblioteca</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>File attached</source>
        <translation>Archivo adjuntado</translation>
    </message>
    <message>
        <source>File removed</source>
        <translation>Archivo quitado</translation>
    </message>
    <message>
        <source>Community added</source>
        <translation>Comunidad añadida</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Consentimiento registrado</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Consentimiento retirado</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Hub labels imported</source>
        <translation>Etiquetas del Hub importadas</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Miembro añadido</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>Miembro quitado</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Frase de contraseña cambiada</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>Perfil creado</translation>
    </message>
    <message>
        <source>Protocol added</source>
        <translation>Protocolo añadido</translation>
    </message>
    <message>
        <source>Selected for sharing</source>
        <translation>Seleccionado para compartir</translation>
    </message>
    <message>
        <source>Sharing stopped</source>
        <translation>Se dejó de compartir</translation>
    </message>
    <message>
        <source>Sync target added</source>
        <translation>Destino de sincronización añadido</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Desbloqueado</translation>
    </message>
    <message>
        <source>Unlock refused</source>
        <translation>Desbloqueo rechazado</translation>
    </message>
    <message>
        <source>Protected record read</source>
        <translation>Registro protegido leído</translation>
    </message>
    <message>
        <source>Protected file opened</source>
        <translation>Archivo protegido abierto</translation>
    </message>
    <message>
        <source>Sent to the target</source>
        <translation>Enviado al destino</translation>
    </message>
    <message>
        <source>Taken down from the target</source>
        <translation>Retirado del destino</translation>
    </message>
    <message>
        <source>Refused by the target</source>
        <translation>Rechazado por el destino</translation>
    </message>
    <message>
        <source>Access changed</source>
        <translation>Acceso modificado</translation>
    </message>
    <message>
        <source>Consent attested</source>
        <translation>Consentimiento certificado</translation>
    </message>
    <message>
        <source>Consent imported</source>
        <translation>Consentimiento importado</translation>
    </message>
    <message>
        <source>Damaged text repaired</source>
        <translation>Texto dañado reparado</translation>
    </message>
    <message>
        <source>Sync target changed</source>
        <translation>Destino de sincronización modificado</translation>
    </message>
    <message>
        <source>Sync target removed</source>
        <translation>Destino de sincronización eliminado</translation>
    </message>
    <message>
        <source>Library file protection upgraded</source>
        <translation>Protección del archivo de la biblioteca actualizada</translation>
    </message>
    <message>
        <source>Joined a community hub</source>
        <translation>Unido a un hub comunitario</translation>
    </message>
    <message>
        <source>Synced with the community hub</source>
        <translation>Sincronizado con el hub comunitario</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>Restaurado desde la papelera</translation>
    </message>
    <message>
        <source>Forgotten for good (trash emptied)</source>
        <translation>Olvidado definitivamente (papelera vaciada)</translation>
    </message>
    <message>
        <source>Sync credentials (held by custodians)</source>
        <translation>Credenciales de sincronización (en manos de los custodios)</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>roles</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>perfil</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <source>access</source>
        <translation>acceso</translation>
    </message>
    <message>
        <source>target</source>
        <translation>destino</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>por hacer</translation>
    </message>
    <message>
        <source>count</source>
        <translation>cantidad</translation>
    </message>
    <message>
        <source>format</source>
        <translation>formato</translation>
    </message>
    <message>
        <source>records</source>
        <translation>registros</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>protocolo</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>alcance</translation>
    </message>
    <message>
        <source>files</source>
        <translation>archivos</translation>
    </message>
    <message>
        <source>a protected record</source>
        <translation>un registro protegido</translation>
    </message>
</context>
<context>
    <name>date</name>
    <message>
        <source>{month} {year}</source>
        <translation>{month} de {year}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Delete record</source>
        <translation>Eliminar el registro</translation>
    </message>
    <message>
        <source>Delete “{title}”?

The record goes to the trash, where it can be restored until the trash is emptied.</source>
        <translation>¿Eliminar «{title}»?

El registro va a la papelera, donde puede restaurarse hasta que se vacíe la papelera.</translation>
    </message>
    <message>
        <source>This library is on a read-only medium: you can read and search it, not change it. Copy its folder to a writable place to change it.</source>
        <translation>Esta biblioteca está en un soporte de solo lectura: puede leerla y buscar en ella, no cambiarla. Copie su carpeta a un lugar con permiso de escritura para cambiarla.</translation>
    </message>
    <message>
        <source>It is no longer there: it may have been deleted or moved.</source>
        <translation>Ya no está: puede que se haya eliminado o movido.</translation>
    </message>
    <message>
        <source>Some of what was entered cannot be saved as it is.</source>
        <translation>Parte de lo introducido no se puede guardar tal como está.</translation>
    </message>
    <message>
        <source>This record comes from the CHM and is read-only here: the next pull brings its changes.</source>
        <translation>Este registro viene del Mecanismo de Facilitación y aquí es de solo lectura: la próxima descarga trae sus cambios.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>No tiene permiso para hacer esto.</translation>
    </message>
    <message>
        <source>The library could not complete this change.</source>
        <translation>La biblioteca no pudo completar este cambio.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Cancelado. No se cambió nada.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Algo salió mal.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>Change {field}</source>
        <translation>Cambiar {field}</translation>
    </message>
    <message>
        <source>Add language {tag}</source>
        <translation>Añadir el idioma {tag}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>row {row}</source>
        <translation>fila {row}</translation>
    </message>
    <message>
        <source>rows {row}–{last}</source>
        <translation>filas {row}–{last}</translation>
    </message>
    <message>
        <source>sheet “{sheet}” row {row}</source>
        <translation>hoja «{sheet}», fila {row}</translation>
    </message>
    <message>
        <source>entry {entry} (line {line})</source>
        <translation>entrada {entry} (línea {line})</translation>
    </message>
    <message>
        <source>entry {entry} “{key}” (line {line})</source>
        <translation>entrada {entry} «{key}» (línea {line})</translation>
    </message>
    <message>
        <source>@string (line {line})</source>
        <translation>@string (línea {line})</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>línea {line}</translation>
    </message>
    <message>
        <source>document {document}</source>
        <translation>documento {document}</translation>
    </message>
    <message>
        <source>document {document} ({identifier})</source>
        <translation>documento {document} ({identifier})</translation>
    </message>
    <message>
        <source>record {record}</source>
        <translation>registro {record}</translation>
    </message>
    <message>
        <source>sealed record {record}</source>
        <translation>registro sellado {record}</translation>
    </message>
    <message>
        <source>line {line}: not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8</source>
        <translation>línea {line}: UTF-8 no válido (byte 0x{byte} en el carácter {at}); guarde el archivo como UTF-8</translation>
    </message>
    <message>
        <source>not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8</source>
        <translation>UTF-8 no válido (byte 0x{byte} en el carácter {at}); guarde el archivo como UTF-8</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found} (a quote is probably left open)</source>
        <translation>se esperaban {expected} celdas y hay {found} (probablemente quedó abierta una comilla)</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found} (check the quotes and separators)</source>
        <translation>se esperaban {expected} celdas y hay {found} (revise las comillas y los separadores)</translation>
    </message>
    <message>
        <source>not valid {encoding} (byte 0x{byte} at position {at}); save the file as UTF-8</source>
        <translation>{encoding} no válido (byte 0x{byte} en la posición {at}); guarde el archivo como UTF-8</translation>
    </message>
    <message>
        <source>a line longer than {limit_mb} MB (the limit)</source>
        <translation>una línea de más de {limit_mb} MB (el límite)</translation>
    </message>
    <message>
        <source>cannot be read as CSV; check the quotes ({detail})</source>
        <translation>no se puede leer como CSV; revise las comillas ({detail})</translation>
    </message>
    <message>
        <source>a cell cannot be read ({detail}); this row and the rest of the sheet were not read</source>
        <translation>no se puede leer una celda ({detail}); no se leyeron esta fila ni el resto de la hoja</translation>
    </message>
    <message>
        <source>{count} value(s) in columns without a name in row 1</source>
        <translation>{count} valor(es) en columnas sin nombre en la fila 1</translation>
    </message>
    <message>
        <source>the macro was refused and not defined ({detail})</source>
        <translation>la macro fue rechazada y no se definió ({detail})</translation>
    </message>
    <message>
        <source>expected “@type{{key,” after “@”</source>
        <translation>se esperaba «@type{{key,» después de «@»</translation>
    </message>
    <message>
        <source>the entry cannot be read and was skipped ({detail})</source>
        <translation>la entrada no se puede leer y se omitió ({detail})</translation>
    </message>
    <message>
        <source>line {line}: the {tag} value is longer than {limit_kb} KB (the limit); the entry was not imported</source>
        <translation>línea {line}: el valor {tag} supera {limit_kb} KB (el límite); la entrada no se importó</translation>
    </message>
    <message>
        <source>no RIS entry found (an entry starts with “TY  - ”)</source>
        <translation>no se encontró ninguna entrada RIS (una entrada empieza por «TY  - »)</translation>
    </message>
    <message>
        <source>not a CHM resource document (its schema is “{schema}”)</source>
        <translation>no es un documento de recurso del CHM (su esquema es «{schema}»)</translation>
    </message>
    <message>
        <source>the document has an unexpected shape ({detail})</source>
        <translation>el documento tiene una forma inesperada ({detail})</translation>
    </message>
    <message>
        <source>sealed for transfer: give the archive passphrase to import it</source>
        <translation>sellado para la transferencia: indique la frase de contraseña del archivo para importarlo</translation>
    </message>
    <message>
        <source>the sealed envelope has an unexpected shape</source>
        <translation>el sobre sellado tiene una forma inesperada</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same identifier)</source>
        <translation>duplicado de {existing} (el mismo identificador)</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same DOI {doi})</source>
        <translation>duplicado de {existing} (el mismo DOI {doi})</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same title and year)</source>
        <translation>duplicado de {existing} (el mismo título y año)</translation>
    </message>
    <message>
        <source>duplicate of {existing} (a nearly identical title, the same year)</source>
        <translation>duplicado de {existing} (un título casi idéntico, el mismo año)</translation>
    </message>
    <message>
        <source>{field} cannot be imported as it is ({detail})</source>
        <translation>{field} no se puede importar tal como está ({detail})</translation>
    </message>
    <message>
        <source>would be merged into {existing}</source>
        <translation>se fusionaría con {existing}</translation>
    </message>
    <message>
        <source>merged with {existing}</source>
        <translation>fusionado con {existing}</translation>
    </message>
    <message>
        <source>a record with this identifier is already in the library</source>
        <translation>ya hay un registro con este identificador en la biblioteca</translation>
    </message>
    <message>
        <source>the library refused it ({detail})</source>
        <translation>la biblioteca lo rechazó ({detail})</translation>
    </message>
    <message>
        <source>no ER line before the next entry (line {line})</source>
        <translation>no hay línea ER antes de la entrada siguiente (línea {line})</translation>
    </message>
    <message>
        <source>text outside any entry ignored on line(s) {lines}</source>
        <translation>texto fuera de toda entrada ignorado en la(s) línea(s) {lines}</translation>
    </message>
    <message>
        <source>unknown tag {tag} (line {line}) ignored</source>
        <translation>etiqueta desconocida {tag} (línea {line}) ignorada</translation>
    </message>
    <message>
        <source>the file ended without an ER line</source>
        <translation>el archivo terminó sin línea ER</translation>
    </message>
</context>
<context>
    <name>lock_screen</name>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation>Demasiado corta: al menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Robusta.</translation>
    </message>
    <message>
        <source>Good. A few more words make it stronger.</source>
        <translation>Buena. Unas palabras más la harán más robusta.</translation>
    </message>
    <message>
        <source>Weak: use several words, 16 characters or more.</source>
        <translation>Débil: use varias palabras, 16 caracteres o más.</translation>
    </message>
</context>
<context>
    <name>match</name>
    <message>
        <source>both about {terms}</source>
        <translation>ambos tratan de {terms}</translation>
    </message>
    <message>
        <source>same target {targets}</source>
        <translation>misma meta {targets}</translation>
    </message>
    <message>
        <source>same subject: {subjects}</source>
        <translation>mismo tema: {subjects}</translation>
    </message>
    <message>
        <source>same country: {countries}</source>
        <translation>mismo país: {countries}</translation>
    </message>
    <message>
        <source>speaks {languages}</source>
        <translation>habla {languages}</translation>
    </message>
    <message>
        <source>shares the words {words}</source>
        <translation>comparte las palabras {words}</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>GBF report: target {number}</source>
        <translation>Informe del Marco: meta {number}</translation>
    </message>
    <message>
        <source>GBF report</source>
        <translation>Informe del Marco</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Meta {number}: {title}</translation>
    </message>
    <message>
        <source>Shared with the CHM</source>
        <translation>Compartidos con el Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En espera de envío</translation>
    </message>
    <message>
        <source>Refused by the CHM</source>
        <translation>Rechazados por el Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>Withdrawn from the CHM</source>
        <translation>Retirados del Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>Consent valid</source>
        <translation>Consentimiento vigente</translation>
    </message>
    <message>
        <source>Library {library}, {date}. {records} public records; {covered} of {targets} targets covered. Records that are not public are never part of this report.</source>
        <translation>Biblioteca {library}, {date}. {records} registros públicos; {covered} de {targets} metas cubiertas. Los registros que no son públicos nunca forman parte de este informe.</translation>
    </message>
    <message>
        <source> · </source>
        <comment>separates a record&apos;s type, community and date</comment>
        <translation> · </translation>
    </message>
    <message>
        <source>Consent expiring within {days} days</source>
        <translation>Consentimiento que vence en menos de {days} días</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>Consentimiento vencido</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Consentimiento retirado</translation>
    </message>
    <message>
        <source>Contributions of communities</source>
        <translation>Aportes de las comunidades</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Países</translation>
    </message>
    <message>
        <source>Sharing with the CHM</source>
        <translation>Intercambio con el Mecanismo de Facilitación</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <source>Coverage per target</source>
        <translation>Cobertura por meta</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Meta</translation>
    </message>
    <message>
        <source>Public records</source>
        <translation>Registros públicos</translation>
    </message>
    <message>
        <source>On the CHM:</source>
        <translation>En el Mecanismo de Facilitación:</translation>
    </message>
    <message>
        <source>No public record covers this target yet.</source>
        <translation>Aún no hay registros públicos para esta meta.</translation>
    </message>
    <message>
        <source>Reasons for refusals</source>
        <translation>Motivos de rechazo</translation>
    </message>
    <message>
        <source>No font on this system draws {scripts}: the PDF would show empty boxes, so it was not written. Install fonts for it (e.g. {packages}) or write the report as HTML or Markdown.</source>
        <translation>Ninguna fuente de este sistema dibuja {scripts}: el PDF mostraría cuadros vacíos, así que no se escribió. Instale fuentes para ello (p. ej. {packages}) o escriba el informe en HTML o Markdown.</translation>
    </message>
</context>
<context>
    <name>trash</name>
    <message>
        <source>Empty trash</source>
        <translation>Vaciar papelera</translation>
    </message>
    <message>
        <source>Forget every deleted record you may remove, with its files?

This cannot be undone.</source>
        <translation>¿Olvidar cada registro eliminado que usted pueda quitar, con sus archivos?

No se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>edit of “{title}”</source>
        <translation>edición de «{title}»</translation>
    </message>
</context>
</TS>
