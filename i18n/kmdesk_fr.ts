<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AccessEditor</name>
    <message>
        <source>Who may read this record</source>
        <translation>Qui peut lire cette fiche</translation>
    </message>
    <message>
        <source>The record&apos;s community (the same as on the Description page); a community record opens for its members.</source>
        <translation>La communauté de la fiche (la même que sur la page Description) ; une fiche communautaire s&apos;ouvre à ses membres.</translation>
    </message>
    <message>
        <source>Cultural protocols</source>
        <translation>Protocoles culturels</translation>
    </message>
    <message>
        <source>Members of all ticked protocols</source>
        <translation>Membres de tous les protocoles cochés</translation>
    </message>
    <message>
        <source>Members of any one of them</source>
        <translation>Membres de l&apos;un d&apos;entre eux</translation>
    </message>
    <message>
        <source>Custodians of this sacred record</source>
        <translation>Gardiens de cette fiche sacrée</translation>
    </message>
    <message>
        <source>Local Contexts labels and notices</source>
        <translation>Étiquettes et avis Local Contexts</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Protecting a record needs an unlocked profile that holds the community&apos;s or the protocols&apos; keys.</source>
        <translation>Protéger une fiche demande un profil déverrouillé qui détient les clés de la communauté ou des protocoles.</translation>
    </message>
    <message>
        <source>You are not a member of any cultural protocol you could apply.</source>
        <translation>Vous n&apos;êtes membre d&apos;aucun protocole culturel que vous pourriez appliquer.</translation>
    </message>
    <message>
        <source>You are not a member of this protocol, so it stays on the record as it is.</source>
        <translation>Vous n&apos;êtes pas membre de ce protocole : il reste sur la fiche tel quel.</translation>
    </message>
    <message>
        <source>Open protocol: anyone with a profile may read, members may edit.</source>
        <translation>Protocole ouvert : toute personne ayant un profil peut lire, les membres peuvent modifier.</translation>
    </message>
    <message>
        <source>Strict protocol: members only.</source>
        <translation>Protocole strict : membres seulement.</translation>
    </message>
    <message>
        <source>{code} · {name}</source>
        <translation>{code} · {name}</translation>
    </message>
    <message>
        <source>This label forbids sharing with the CHM.</source>
        <translation>Cette étiquette interdit le partage avec le Centre d&apos;échange.</translation>
    </message>
    <message>
        <source>{community} ({language}), Hub project {project}: {text}</source>
        <translation>{community} ({language}), projet du Hub {project} : {text}</translation>
    </message>
</context>
<context>
    <name>ActionsController</name>
    <message>
        <source>&amp;New record…</source>
        <translation>&amp;Nouvelle fiche…</translation>
    </message>
    <message>
        <source>Create a record</source>
        <translation>Créer une fiche</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Rebuild search index…</source>
        <translation>&amp;Reconstruire l&apos;index de recherche…</translation>
    </message>
    <message>
        <source>&amp;Check index</source>
        <translation>&amp;Vérifier l&apos;index</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;Edit record…</source>
        <translation>&amp;Modifier la fiche…</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Modifier la fiche sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Delete record…</source>
        <translation>&amp;Supprimer la fiche…</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>Supprimer la fiche sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;About kmdesk</source>
        <translation>À &amp;propos de kmdesk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Search titles, texts, places, people…</source>
        <translation>Rechercher titres, textes, lieux, personnes…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Words to look for in titles, texts, places and people; the list shows what they find as you type (Ctrl+F comes here).</source>
        <translation>Mots à chercher dans les titres, les textes, les lieux et les personnes ; la liste montre ce qu’ils trouvent pendant la saisie (Ctrl+F mène ici).</translation>
    </message>
</context>
<context>
    <name>AddProfileDialog</name>
    <message>
        <source>Add a profile</source>
        <translation>Ajouter un profil</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Phrase secrète (à nouveau)</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Give the profile a name.</source>
        <translation>Donnez un nom au profil.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>La phrase secrète doit compter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Les deux phrases secrètes diffèrent ; saisissez-les à nouveau.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Choisissez au moins un rôle.</translation>
    </message>
</context>
<context>
    <name>AddProtocolDialog</name>
    <message>
        <source>Add a cultural protocol</source>
        <translation>Ajouter un protocole culturel</translation>
    </message>
    <message>
        <source>e.g. Women&apos;s knowledge, clan X</source>
        <translation>p. ex. Savoirs des femmes, clan X</translation>
    </message>
    <message>
        <source>(across communities)</source>
        <translation>(entre communautés)</translation>
    </message>
    <message>
        <source>Strict: only members may see its records</source>
        <translation>Strict : seuls les membres voient ses fiches</translation>
    </message>
    <message>
        <source>Open: anyone with a profile may see, members may edit</source>
        <translation>Ouvert : toute personne ayant un profil peut voir, les membres peuvent modifier</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
</context>
<context>
    <name>AttachmentsView</name>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Add files…</source>
        <translation>Ajouter des fichiers…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Enregistrer une copie…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Sealed file (unlock to see its name)</source>
        <translation>Fichier scellé (déverrouillez pour voir son nom)</translation>
    </message>
    <message>
        <source>{name} — {size} KB</source>
        <translation>{name} — {size} Ko</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Storing {count} file(s)…</source>
        <translation>Stockage de {count} fichier(s)…</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Ouverture…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Enregistrer une copie</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <source>Change the passphrase of {name}</source>
        <translation>Changer la phrase secrète de {name}</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Phrase secrète actuelle</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase secrète</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Nouvelle phrase secrète (à nouveau)</translation>
    </message>
    <message>
        <source>The new passphrase needs at least 8 characters.</source>
        <translation>La nouvelle phrase secrète doit compter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>The two new passphrases differ; type them again.</source>
        <translation>Les deux nouvelles phrases secrètes diffèrent ; saisissez-les à nouveau.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Records in conflict</source>
        <translation>Fiches en conflit</translation>
    </message>
    <message>
        <source>These records were changed on two devices at once, in the same field. Both values are kept until you choose one; the other devices learn your choice at the next sync.</source>
        <translation>Ces fiches ont été modifiées sur deux appareils à la fois, dans le même champ. Les deux valeurs sont conservées jusqu&apos;à ce que vous en choisissiez une ; les autres appareils apprennent votre choix à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>No records in conflict.</source>
        <translation>Aucune fiche en conflit.</translation>
    </message>
    <message>
        <source>{title}: {field}</source>
        <translation>{title} : {field}</translation>
    </message>
    <message>
        <source>Sealed: unlock a profile that may read this record to see its values and choose.</source>
        <translation>Scellée : déverrouillez un profil autorisé à lire cette fiche pour voir ses valeurs et choisir.</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Cet appareil</translation>
    </message>
    <message>
        <source>Device {id}</source>
        <translation>Appareil {id}</translation>
    </message>
    <message>
        <source>Keep this value</source>
        <translation>Garder cette valeur</translation>
    </message>
    <message>
        <source>Keep the value from {who} for {field} of {title}</source>
        <translation>Garder la valeur de {who} pour {field} de {title}</translation>
    </message>
    <message>
        <source>deleted on one device, edited on another</source>
        <translation>supprimée sur un appareil, modifiée sur un autre</translation>
    </message>
    <message>
        <source>Delete the record</source>
        <translation>Supprimer la fiche</translation>
    </message>
    <message>
        <source>Keep the record</source>
        <translation>Garder la fiche</translation>
    </message>
    <message>
        <source>Kept. The other devices learn your choice at the next sync.</source>
        <translation>C&apos;est gardé. Les autres appareils apprennent votre choix à la prochaine synchronisation.</translation>
    </message>
</context>
<context>
    <name>ConsentPanel</name>
    <message>
        <source>Given</source>
        <translation>Donné</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Accordé par</translation>
    </message>
    <message>
        <source>Allows</source>
        <translation>Autorise</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expire</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Consentements</translation>
    </message>
    <message>
        <source>Record consent…</source>
        <translation>Enregistrer le consentement…</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Retirer le consentement…</translation>
    </message>
    <message>
        <source>Select a record to see its consent.</source>
        <translation>Sélectionnez une fiche pour voir son consentement.</translation>
    </message>
    <message>
        <source>(sealed)</source>
        <translation>(scellé)</translation>
    </message>
    <message>
        <source>For the community</source>
        <translation>Au nom de la communauté</translation>
    </message>
    <message>
        <source>Community process</source>
        <translation>Processus communautaire</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Témoins</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Prior information</source>
        <translation>Information préalable</translation>
    </message>
    <message>
        <source>Informed in (language)</source>
        <translation>Informé en (langue)</translation>
    </message>
    <message>
        <source>Informed how</source>
        <translation>Mode d&apos;information</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forme</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuve</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Enregistré</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>Retiré par</translation>
    </message>
    <message>
        <source>Reason for withdrawal</source>
        <translation>Motif du retrait</translation>
    </message>
    <message>
        <source>Recording and withdrawing consent needs an unlocked custodian profile.</source>
        <translation>Enregistrer et retirer un consentement demande un profil de gardien déverrouillé.</translation>
    </message>
</context>
<context>
    <name>CreatorsPage</name>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Creators and knowledge holders</source>
        <translation>Créateurs et détenteurs de savoirs</translation>
    </message>
    <message>
        <source>Add creator</source>
        <translation>Ajouter un créateur</translation>
    </message>
    <message>
        <source>Remove creator</source>
        <translation>Retirer le créateur</translation>
    </message>
</context>
<context>
    <name>CustodianView</name>
    <message>
        <source>Custodian&apos;s view</source>
        <translation>Vue du gardien</translation>
    </message>
    <message>
        <source>Protocols and members</source>
        <translation>Protocoles et membres</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communautés</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>Profils</translation>
    </message>
    <message>
        <source>Local Contexts</source>
        <translation>Local Contexts</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <source>Key version</source>
        <translation>Version de la clé</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membres</translation>
    </message>
    <message>
        <source>Add protocol…</source>
        <translation>Ajouter un protocole…</translation>
    </message>
    <message>
        <source>Add member…</source>
        <translation>Ajouter un membre…</translation>
    </message>
    <message>
        <source>Remove member…</source>
        <translation>Retirer un membre…</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Add community…</source>
        <translation>Ajouter une communauté…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rôles</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protocoles</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Add profile…</source>
        <translation>Ajouter un profil…</translation>
    </message>
    <message>
        <source>Change my passphrase…</source>
        <translation>Changer ma phrase secrète…</translation>
    </message>
    <message>
        <source>Hub project</source>
        <translation>Projet du Hub</translation>
    </message>
    <message>
        <source>Project id</source>
        <translation>Identifiant du projet</translation>
    </message>
    <message>
        <source>Labels and notices</source>
        <translation>Étiquettes et avis</translation>
    </message>
    <message>
        <source>Cached</source>
        <translation>En cache</translation>
    </message>
    <message>
        <source>Import Hub project from file…</source>
        <translation>Importer un projet du Hub depuis un fichier…</translation>
    </message>
    <message>
        <source>A Local Contexts Hub project (API v2 JSON) brings the community&apos;s own wording and language for its labels; it is kept here for offline use.</source>
        <translation>Un projet du Local Contexts Hub (JSON de l&apos;API v2) apporte la formulation et la langue propres à la communauté pour ses étiquettes ; il est conservé ici pour un usage hors ligne.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Quoi</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Vérifier la chaîne</translation>
    </message>
    <message>
        <source>strict</source>
        <translation>strict</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>{name} (untrusted)</source>
        <translation>{name} (non fiable)</translation>
    </message>
    <message>
        <source>Members of {protocol}</source>
        <translation>Membres de {protocol}</translation>
    </message>
    <message>
        <source>Add a community</source>
        <translation>Ajouter une communauté</translation>
    </message>
    <message>
        <source>Name of the community:</source>
        <translation>Nom de la communauté :</translation>
    </message>
    <message>
        <source>Its country (two-letter code, e.g. pe), or leave empty:</source>
        <translation>Son pays (code à deux lettres, p. ex. pe), ou laissez vide :</translation>
    </message>
    <message>
        <source>Community {name} added.</source>
        <translation>Communauté {name} ajoutée.</translation>
    </message>
    <message>
        <source>Protocol {name} added.</source>
        <translation>Protocole {name} ajouté.</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Ajouter un membre</translation>
    </message>
    <message>
        <source>Every profile is already a member of {protocol}.</source>
        <translation>Chaque profil est déjà membre de {protocol}.</translation>
    </message>
    <message>
        <source>Give the key of {protocol} to:</source>
        <translation>Donner la clé de {protocol} à :</translation>
    </message>
    <message>
        <source>{profile} is now a member of {protocol}.</source>
        <translation>{profile} est maintenant membre de {protocol}.</translation>
    </message>
    <message>
        <source>Remove member</source>
        <translation>Retirer un membre</translation>
    </message>
    <message>
        <source>Remove {profile} from {protocol}?

The protocol gets a new key and its {count} record(s) are re-sealed with it, so the key {profile} held opens nothing written from now on. This can take a while.</source>
        <translation>Retirer {profile} de {protocol} ?

Le protocole reçoit une nouvelle clé et ses fiches ({count}) sont rescellées avec elle : la clé que détenait {profile} n&apos;ouvrira rien de ce qui sera écrit désormais. Cela peut prendre un moment.</translation>
    </message>
    <message>
        <source>What {profile} already synced or copied stays readable to them: removal stops new keys, it cannot take back what they hold.</source>
        <translation>Ce que {profile} a déjà synchronisé ou copié lui reste lisible : le retrait arrête les nouvelles clés, il ne peut pas reprendre ce qu&apos;il détient.</translation>
    </message>
    <message>
        <source>{profile} removed from {protocol}; the key was rotated and {count} record(s) re-sealed.</source>
        <translation>{profile} retiré de {protocol} ; la clé a été renouvelée et {count} fiche(s) rescellée(s).</translation>
    </message>
    <message>
        <source>Hub project {title} imported.</source>
        <translation>Projet du Hub {title} importé.</translation>
    </message>
    <message>
        <source>Rotating the key of {protocol}…</source>
        <translation>Renouvellement de la clé de {protocol}…</translation>
    </message>
    <message>
        <source>Profile {name} added.</source>
        <translation>Profil {name} ajouté.</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>Création de {name}…</translation>
    </message>
    <message>
        <source>Import a Local Contexts Hub project</source>
        <translation>Importer un projet du Local Contexts Hub</translation>
    </message>
    <message>
        <source>Hub project (*.json);;All files (*)</source>
        <translation>Projet du Hub (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>The audit log is intact: {count} events, none changed or removed.</source>
        <translation>Le journal d&apos;audit est intact : {count} événements, aucun modifié ni supprimé.</translation>
    </message>
    <message>
        <source>The audit log was tampered with at event {seq}: {problem}</source>
        <translation>Le journal d&apos;audit a été altéré à l&apos;événement {seq} : {problem}</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard — kmdesk</source>
        <translation>Tableau de bord — kmdesk</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Objectifs du Cadre mondial</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Cibles du Cadre mondial</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>Types</translation>
    </message>
    <message>
        <source>Communities</source>
        <translation>Communautés</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Records by year</source>
        <translation>Fiches par année</translation>
    </message>
    <message>
        <source>Sharing with the CHM</source>
        <translation>Partage avec le Centre d&apos;échange</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Partagées</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Refused by the CHM</source>
        <translation>Refusées par le Centre d&apos;échange</translation>
    </message>
    <message>
        <source>Withdrawn from the CHM</source>
        <translation>Retirées du Centre d&apos;échange</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Expiring within {days} days</source>
        <translation>Expire dans les {days} jours</translation>
    </message>
    <message>
        <source>{records} records counted (sacred records never are) · {covered} of {targets} GBF targets covered</source>
        <translation>{records} fiches comptées (jamais les fiches sacrées) · {covered} cibles sur {targets} couvertes</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>The dashboard could not be computed: {reason}</source>
        <translation>Le tableau de bord n&apos;a pas pu être calculé : {reason}</translation>
    </message>
    <message>
        <source>Refused: {reason} ({count})</source>
        <translation>Refusé : {reason} ({count})</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison donnée</translation>
    </message>
    <message>
        <source>Not counted: {count} records failed their integrity check ({ids})</source>
        <translation>Non comptés : {count} fiches ont échoué au contrôle d’intégrité ({ids})</translation>
    </message>
    <message>
        <source>Goal {code} · {title}</source>
        <translation>Objectif {code} · {title}</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Cible {number} : {title}</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>{chart}: {value}</source>
        <translation>{chart} : {value}</translation>
    </message>
</context>
<context>
    <name>DescriptionPage</name>
    <message>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <source>separated by commas</source>
        <translation>séparés par des virgules</translation>
    </message>
    <message>
        <source>YYYY, YYYY-MM or YYYY-MM-DD</source>
        <translation>AAAA, AAAA-MM ou AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>https://…</source>
        <translation>https://…</translation>
    </message>
    <message>
        <source>language tags, e.g. quz, es</source>
        <translation>étiquettes de langue, p. ex. quz, es</translation>
    </message>
    <message>
        <source>two-letter codes, e.g. pe, bo</source>
        <translation>codes à deux lettres, p. ex. pe, bo</translation>
    </message>
    <message>
        <source>separated by commas; coordinates after @, e.g. Cusco @ -13.53 -71.97</source>
        <translation>séparés par des virgules ; coordonnées après @, p. ex. Cusco @ -13.53 -71.97</translation>
    </message>
    <message>
        <source>A place may carry its latitude and longitude in decimal degrees after an @ (south and west negative): it then appears as a dot on the map.</source>
        <translation>Un lieu peut porter sa latitude et sa longitude en degrés décimaux après un @ (sud et ouest négatifs) : il apparaît alors comme un point sur la carte.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>Genre de ressource</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
</context>
<context>
    <name>DirectoryView</name>
    <message>
        <source>Practitioner directory</source>
        <translation>Annuaire des praticiens</translation>
    </message>
    <message>
        <source>Any expertise</source>
        <translation>Toute expertise</translation>
    </message>
    <message>
        <source>Target {number} · {title}</source>
        <translation>Cible {number} · {title}</translation>
    </message>
    <message>
        <source>e.g. es, quz</source>
        <translation>p. ex. es, quz</translation>
    </message>
    <message>
        <source>e.g. pe, bo</source>
        <translation>p. ex. pe, bo</translation>
    </message>
    <message>
        <source>Expertise</source>
        <translation>Expertise</translation>
    </message>
    <message>
        <source>Speaks</source>
        <translation>Parle</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Chercher</translation>
    </message>
    <message>
        <source>Export vCards…</source>
        <translation>Exporter les vCards…</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>Recherche…</translation>
    </message>
    <message>
        <source>not listed (no consent to show contacts)</source>
        <translation>non inscrit (pas de consentement pour montrer les coordonnées)</translation>
    </message>
    <message>
        <source>{contacts} (listed with the consent of {who}, {day})</source>
        <translation>{contacts} (répertorié avec le consentement de {who}, {day})</translation>
    </message>
    <message>
        <source>{contacts} (listed with consent)</source>
        <translation>{contacts} (répertorié avec consentement)</translation>
    </message>
    <message>
        <source>{title} (from the CHM)</source>
        <translation>{title} (du Centre d&apos;échange)</translation>
    </message>
    <message>
        <source>{count} people and organizations, {listed} listed with their consent.</source>
        <translation>{count} personnes et organisations, {listed} inscrites avec leur consentement.</translation>
    </message>
    <message>
        <source>Export vCards</source>
        <translation>Exporter les vCards</translation>
    </message>
    <message>
        <source>vCard files (*.vcf)</source>
        <translation>Fichiers vCard (*.vcf)</translation>
    </message>
    <message>
        <source>{written} vCards written; {left} not listed or not public, left out.</source>
        <translation>{written} vCards écrites ; {left} non inscrites ou non publiques, laissées de côté.</translation>
    </message>
</context>
<context>
    <name>FacetPanel</name>
    <message>
        <source>Filters</source>
        <translation>Filtres</translation>
    </message>
    <message>
        <source>Values of the records found, with how many have each; tick one (Space) to list only those records.</source>
        <translation>Valeurs des fiches trouvées, avec le nombre de fiches pour chacune ; cochez-en une (Espace) pour ne lister que ces fiches.</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Effacer les filtres</translation>
    </message>
    <message>
        <source>Deleted records: open the trash to restore them or forget them for good.</source>
        <translation>Fiches supprimées : ouvrez la corbeille pour les restaurer ou les oublier définitivement.</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Trash ({count})</source>
        <translation>Corbeille ({count})</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>Genre de ressource</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Cibles du Cadre mondial</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Objectifs du Cadre mondial</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Intégrité</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>Goal {code} · {title}</source>
        <translation>Objectif {code} · {title}</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Endommagé</translation>
    </message>
    <message>
        <source>From the CHM</source>
        <translation>Du Centre d&apos;échange</translation>
    </message>
    <message>
        <source>This library</source>
        <translation>Cette bibliothèque</translation>
    </message>
    <message>
        <source>No consent recorded</source>
        <translation>Aucun consentement enregistré</translation>
    </message>
    <message>
        <source>Not needed</source>
        <translation>Non requis</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>En vigueur</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
</context>
<context>
    <name>FilesController</name>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Records (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;Spreadsheets (*.csv *.tsv *.xlsx);;References (*.ris *.bib);;CHM documents or kmdesk library (*.json);;kmdesk archive (*.kmd);;All files (*)</source>
        <translation>Fiches (*.csv *.tsv *.xlsx *.ris *.bib *.json *.kmd);;Tableurs (*.csv *.tsv *.xlsx);;Références (*.ris *.bib);;Documents du CHM ou bibliothèque kmdesk (*.json);;Archive kmdesk (*.kmd);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>An import is running: start the next one when it is done (or cancel it in the status bar).</source>
        <translation>Une importation est en cours : lancez la suivante quand elle sera terminée (ou annulez-la dans la barre d’état).</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importation terminée</translation>
    </message>
    <message>
        <source>Imported: {imported}
Already in the library (skipped): {skipped}
Not imported because of errors: {errors}</source>
        <translation>Importées : {imported}
Déjà dans la bibliothèque (ignorées) : {skipped}
Non importées à cause d&apos;erreurs : {errors}</translation>
    </message>
    <message>
        <source>kmdesk library (*.json)</source>
        <translation>Bibliothèque kmdesk (*.json)</translation>
    </message>
    <message>
        <source>kmdesk archive with files (*.kmd)</source>
        <translation>Archive kmdesk avec fichiers (*.kmd)</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Tableur CSV (*.csv)</translation>
    </message>
    <message>
        <source>RIS references (*.ris)</source>
        <translation>Références RIS (*.ris)</translation>
    </message>
    <message>
        <source>BibTeX (*.bib)</source>
        <translation>BibTeX (*.bib)</translation>
    </message>
    <message>
        <source>CHM resource documents (*.json)</source>
        <translation>Documents de ressources du CHM (*.json)</translation>
    </message>
    <message>
        <source>Dublin Core XML (*.xml)</source>
        <translation>Dublin Core XML (*.xml)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Exportation terminée</translation>
    </message>
    <message>
        <source>{count} public records written to {path}.
Records that are not public stay in this library.</source>
        <translation>{count} fiches publiques écrites dans {path}.
Les fiches non publiques restent dans cette bibliothèque.</translation>
    </message>
    <message>
        <source>Exporting to {name}…</source>
        <translation>Exportation vers {name}…</translation>
    </message>
</context>
<context>
    <name>FirstCustodianDialog</name>
    <message>
        <source>Protect this library</source>
        <translation>Protéger cette bibliothèque</translation>
    </message>
    <message>
        <source>The first profile is the library&apos;s custodian: the person who decides, with the community, who may read what. Restricted knowledge is encrypted with keys that only the passphrase opens, so keep it safe: nobody can recover a forgotten passphrase.</source>
        <translation>Le premier profil est le gardien de la bibliothèque : la personne qui décide, avec la communauté, qui peut lire quoi. Les savoirs restreints sont chiffrés avec des clés que seule la phrase secrète ouvre ; conservez-la bien : personne ne peut retrouver une phrase secrète oubliée.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Phrase secrète (à nouveau)</translation>
    </message>
    <message>
        <source>Create custodian</source>
        <translation>Créer le gardien</translation>
    </message>
    <message>
        <source>Give the custodian a name.</source>
        <translation>Donnez un nom au gardien.</translation>
    </message>
    <message>
        <source>The passphrase needs at least 8 characters.</source>
        <translation>La phrase secrète doit compter au moins 8 caractères.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Les deux phrases secrètes diffèrent ; saisissez-les à nouveau.</translation>
    </message>
</context>
<context>
    <name>GbfPage</name>
    <message>
        <source>Goals</source>
        <translation>Objectifs</translation>
    </message>
    <message>
        <source>Goal {code}: {title}</source>
        <translation>Objectif {code} : {title}</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Cibles</translation>
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
        <translation>Quand</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Qui</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Ce qui a changé</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créée</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimée</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importée</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>Restaurée depuis la corbeille</translation>
    </message>
    <message>
        <source>Withheld: only those the record&apos;s access admits may read this value.</source>
        <translation>Masquée : seules les personnes admises par l’accès de la fiche peuvent lire cette valeur.</translation>
    </message>
    <message>
        <source>(withheld)</source>
        <translation>(masqué)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Kind of resource</source>
        <translation>Genre de ressource</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Objectifs du Cadre mondial</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Cibles du Cadre mondial</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>Thèmes de la CDB</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Créateurs</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
</context>
<context>
    <name>HubController</name>
    <message>
        <source>&amp;Sync with the hub now</source>
        <translation>&amp;Synchroniser avec le hub maintenant</translation>
    </message>
    <message>
        <source>Send this library&apos;s changes to the hub and receive the other devices&apos; (Ctrl+Shift+S)</source>
        <translation>Envoyer les modifications de cette bibliothèque au hub et recevoir celles des autres appareils (Ctrl+Maj+S)</translation>
    </message>
    <message>
        <source>Records in &amp;conflict…</source>
        <translation>Fiches en &amp;conflit…</translation>
    </message>
    <message>
        <source>&amp;Refused changes…</source>
        <translation>Modifications &amp;refusées…</translation>
    </message>
    <message>
        <source>Sync &amp;automatically every…</source>
        <translation>Synchroniser &amp;automatiquement toutes les…</translation>
    </message>
    <message>
        <source>H&amp;ub</source>
        <translation>H&amp;ub</translation>
    </message>
    <message>
        <source>Sync automatically</source>
        <translation>Synchroniser automatiquement</translation>
    </message>
    <message>
        <source>Sync with the hub every this many minutes while a profile is unlocked (0: only when asked):</source>
        <translation>Synchroniser avec le hub toutes les tant de minutes tant qu&apos;un profil est déverrouillé (0 : seulement sur demande) :</translation>
    </message>
    <message>
        <source>A sync with the hub is already running.</source>
        <translation>Une synchronisation avec le hub est déjà en cours.</translation>
    </message>
    <message>
        <source>Unlock a profile to sync with the hub: its key signs this device&apos;s changes.</source>
        <translation>Déverrouillez un profil pour synchroniser avec le hub : sa clé signe les modifications de cet appareil.</translation>
    </message>
    <message>
        <source>Sync stopped: what was sent or received stays; the next sync goes on from there.</source>
        <translation>Synchronisation arrêtée : ce qui a été envoyé ou reçu reste ; la prochaine synchronisation reprend à partir de là.</translation>
    </message>
    <message>
        <source>Hub unreachable</source>
        <translation>Hub injoignable</translation>
    </message>
    <message>
        <source>The hub cannot be reached, so nothing was synced. You can keep working: nothing was lost, and this library&apos;s changes wait here until the next sync.</source>
        <translation>Le hub est injoignable, rien n&apos;a donc été synchronisé. Vous pouvez continuer à travailler : rien n&apos;est perdu, et les modifications de cette bibliothèque attendent ici la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>Sync with the hub</source>
        <translation>Synchronisation avec le hub</translation>
    </message>
    <message>
        <source>Changes sent: {sent}. Changes received from other devices: {received}.</source>
        <translation>Modifications envoyées : {sent}. Modifications reçues des autres appareils : {received}.</translation>
    </message>
    <message>
        <source>Records now in conflict, waiting for you to choose (Hub › Records in conflict…):</source>
        <translation>Fiches désormais en conflit, qui attendent votre choix (Hub › Fiches en conflit…) :</translation>
    </message>
    <message>
        <source>Changes refused and quarantined (not applied here):</source>
        <translation>Modifications refusées et mises en quarantaine (non appliquées ici) :</translation>
    </message>
    <message>
        <source>Not sent:</source>
        <translation>Non envoyé :</translation>
    </message>
    <message>
        <source>Warnings:</source>
        <translation>Avertissements :</translation>
    </message>
    <message>
        <source>Records to take down from {target}, where their consent or access no longer lets them stay (sent at the next sync with it, in the Sync panel): {count}.</source>
        <translation>Fiches à retirer de {target}, car leur consentement ou leur accès ne leur permet plus d&apos;y rester (envoyé à la prochaine synchronisation avec lui, dans le panneau de synchronisation) : {count}.</translation>
    </message>
    <message>
        <source>Synced with the hub</source>
        <translation>Synchronisé avec le hub</translation>
    </message>
    <message>
        <source>Synced with the hub. {outcome}</source>
        <translation>Synchronisé avec le hub. {outcome}</translation>
    </message>
    <message>
        <source>Removed from a protocol</source>
        <translation>Retiré d&apos;un protocole</translation>
    </message>
    <message>
        <source>A custodian removed {name} from {protocols}.

You receive no new keys for it: what is written or changed in it from now on does not open for you.

What you already synced is not taken from you: copies you kept of it (exports, backups) stay readable to you. In this library it is now sealed under the protocol&apos;s new key.</source>
        <translation>Un gardien a retiré {name} de {protocols}.

Vous ne recevez plus de nouvelles clés pour ce protocole : ce qui y est écrit ou modifié désormais ne s&apos;ouvre pas pour vous.

Ce que vous avez déjà synchronisé ne vous est pas retiré : les copies que vous en avez gardées (exports, sauvegardes) restent lisibles pour vous. Dans cette bibliothèque, c&apos;est désormais scellé sous la nouvelle clé du protocole.</translation>
    </message>
    <message>
        <source>Hub change {seq}: {kind} {key} from device {device}: {reason}</source>
        <translation>Modification du hub {seq} : {kind} {key} de l&apos;appareil {device} : {reason}</translation>
    </message>
    <message>
        <source>Refused changes</source>
        <translation>Modifications refusées</translation>
    </message>
    <message>
        <source>No change from the hub was refused.</source>
        <translation>Aucune modification du hub n&apos;a été refusée.</translation>
    </message>
</context>
<context>
    <name>HubProgress</name>
    <message>
        <source>Syncing with the hub…</source>
        <translation>Synchronisation avec le hub…</translation>
    </message>
    <message>
        <source>Stop the sync: what was sent or received stays; the next sync goes on from there.</source>
        <translation>Arrêter la synchronisation : ce qui a été envoyé ou reçu reste ; la prochaine synchronisation reprend à partir de là.</translation>
    </message>
    <message>
        <source>Stop the sync with the hub</source>
        <translation>Arrêter la synchronisation avec le hub</translation>
    </message>
    <message>
        <source>{done} of {total} changes received</source>
        <translation>{done} modifications reçues sur {total}</translation>
    </message>
</context>
<context>
    <name>HubStatusButton</name>
    <message>
        <source>Hub: synced</source>
        <translation>Hub : synchronisé</translation>
    </message>
    <message>
        <source>Hub: syncing…</source>
        <translation>Hub : synchronisation…</translation>
    </message>
    <message>
        <source>Hub: offline</source>
        <translation>Hub : hors ligne</translation>
    </message>
    <message>
        <source>Hub: sync failed</source>
        <translation>Hub : échec de la synchronisation</translation>
    </message>
    <message>
        <source>Hub: {count} waiting for you</source>
        <translation>Hub : {count} en attente de vous</translation>
    </message>
    <message>
        <source>Hub: {url}</source>
        <translation>Hub : {url}</translation>
    </message>
    <message>
        <source>Last sync: {when} ({ago})</source>
        <translation>Dernière synchronisation : {when} ({ago})</translation>
    </message>
    <message>
        <source>Last sync: never</source>
        <translation>Dernière synchronisation : jamais</translation>
    </message>
    <message>
        <source>Reachable; this library is up to date with it.</source>
        <translation>Joignable ; cette bibliothèque est à jour avec lui.</translation>
    </message>
    <message>
        <source>Sending this library&apos;s changes and receiving the others&apos;…</source>
        <translation>Envoi des modifications de cette bibliothèque et réception de celles des autres…</translation>
    </message>
    <message>
        <source>The hub cannot be reached. You can keep working: changes wait here and go at the next sync.</source>
        <translation>Le hub est injoignable. Vous pouvez continuer à travailler : les modifications attendent ici et partent à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>The last sync failed: {error}</source>
        <translation>La dernière synchronisation a échoué : {error}</translation>
    </message>
    <message>
        <source>Reachable; something waits for a person to look at it.</source>
        <translation>Joignable ; quelque chose attend qu&apos;une personne s&apos;en occupe.</translation>
    </message>
    <message>
        <source>Changes waiting here to be sent: {count}</source>
        <translation>Modifications en attente d&apos;envoi ici : {count}</translation>
    </message>
    <message>
        <source>Records in conflict, waiting for you to choose: {count}</source>
        <translation>Fiches en conflit qui attendent votre choix : {count}</translation>
    </message>
    <message>
        <source>Changes from the hub refused and quarantined: {count}</source>
        <translation>Modifications du hub refusées et en quarantaine : {count}</translation>
    </message>
    <message>
        <source>Click to sync now.</source>
        <translation>Cliquez pour synchroniser maintenant.</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>à l&apos;instant</translation>
    </message>
    <message>
        <source>{count} min ago</source>
        <translation>il y a {count} min</translation>
    </message>
    <message>
        <source>{count} h ago</source>
        <translation>il y a {count} h</translation>
    </message>
    <message>
        <source>{count} d ago</source>
        <translation>il y a {count} j</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import {name}</source>
        <translation>Importer {name}</translation>
    </message>
    <message>
        <source>Skip it</source>
        <translation>L&apos;ignorer</translation>
    </message>
    <message>
        <source>Merge it into the existing record</source>
        <translation>La fusionner avec la fiche existante</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Garder les deux</translation>
    </message>
    <message>
        <source>Language of text columns that do not name one (BCP 47, e.g. en, es, fr)</source>
        <translation>Langue des colonnes de texte qui n&apos;en indiquent pas (BCP 47, p. ex. en, es, fr)</translation>
    </message>
    <message>
        <source>The passphrase the custodian sealed the archive&apos;s restricted records with</source>
        <translation>La phrase secrète avec laquelle le gardien a scellé les fiches restreintes de l&apos;archive</translation>
    </message>
    <message>
        <source>When a row duplicates a record:</source>
        <translation>Quand une ligne double une fiche :</translation>
    </message>
    <message>
        <source>Language of the text:</source>
        <translation>Langue du texte :</translation>
    </message>
    <message>
        <source>Archive passphrase (sealed records):</source>
        <translation>Phrase secrète de l&apos;archive (fiches scellées) :</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <source>Reading {name}…</source>
        <translation>Lecture de {name}…</translation>
    </message>
    <message>
        <source>Becomes</source>
        <translation>Devient</translation>
    </message>
    <message>
        <source>{format} file: the first {count} rows as they would be imported ({errors} with problems). Choose the field each column goes to.</source>
        <translation>Fichier {format} : les {count} premières lignes telles qu&apos;elles seraient importées ({errors} avec des problèmes). Choisissez le champ de chaque colonne.</translation>
    </message>
    <message>
        <source>(ignore this column)</source>
        <translation>(ignorer cette colonne)</translation>
    </message>
    <message>
        <source>Identifier (UUID)</source>
        <translation>Identifiant (UUID)</translation>
    </message>
    <message>
        <source>Record type</source>
        <translation>Type de fiche</translation>
    </message>
    <message>
        <source>Resource kind</source>
        <translation>Genre de ressource</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>Texte intégral</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Niveau d&apos;accès</translation>
    </message>
    <message>
        <source>Cultural protocols</source>
        <translation>Protocoles culturels</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>Thèmes de la CDB</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Local Contexts labels</source>
        <translation>Étiquettes Local Contexts</translation>
    </message>
    <message>
        <source>GBF goals</source>
        <translation>Objectifs du Cadre mondial</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Cibles du Cadre mondial</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Identifiant</translation>
    </message>
    <message>
        <source>{field} ({detail})</source>
        <translation>{field} ({detail})</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importée</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>fusionnée</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>ignorée</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>non importée</translation>
    </message>
    <message>
        <source>Imported: {imported} · merged: {merged} · skipped: {skipped} · not imported: {errors}</source>
        <translation>Importées : {imported} · fusionnées : {merged} · ignorées : {skipped} · non importées : {errors}</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <source>Stop the import; nothing of it is kept.</source>
        <translation>Arrêter l’importation ; rien n’en est conservé.</translation>
    </message>
    <message>
        <source>You can search and read meanwhile; changes you save wait until the import is done.</source>
        <translation>Vous pouvez chercher et lire en attendant ; les modifications que vous enregistrez attendent la fin de l’importation.</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Importation de {name}…</translation>
    </message>
    <message>
        <source>{done} of {total} records imported</source>
        <translation>{done} fiches importées sur {total}</translation>
    </message>
</context>
<context>
    <name>IndexCatchUp</name>
    <message>
        <source>Indexing the library for search…</source>
        <translation>Indexation de la bibliothèque pour la recherche…</translation>
    </message>
    <message>
        <source>Stop indexing; it resumes the next time this library opens.</source>
        <translation>Arrêter l’indexation ; elle reprendra à la prochaine ouverture de cette bibliothèque.</translation>
    </message>
    <message>
        <source>{done} of {total} records indexed</source>
        <translation>{done} fiches sur {total} indexées</translation>
    </message>
</context>
<context>
    <name>IndexController</name>
    <message>
        <source>Indexing stopped: records not indexed yet are not found by a search. Indexing resumes the next time this library opens.</source>
        <translation>Indexation arrêtée : la recherche ne trouve pas les fiches pas encore indexées. L’indexation reprendra à la prochaine ouverture de cette bibliothèque.</translation>
    </message>
    <message>
        <source>Search index rebuilt ({count} records).</source>
        <translation>Index de recherche reconstruit ({count} fiches).</translation>
    </message>
    <message>
        <source>Rebuilding the search index…</source>
        <translation>Reconstruction de l&apos;index de recherche…</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>Index de recherche</translation>
    </message>
    <message>
        <source>The search index matches the library.</source>
        <translation>L&apos;index de recherche correspond à la bibliothèque.</translation>
    </message>
    <message>
        <source>The search index does not match the library.
Missing: {missing}
Out of date: {stale}
No longer in the library: {orphans}

Use File › Rebuild search index… to repair it.</source>
        <translation>L&apos;index de recherche ne correspond pas à la bibliothèque.
Manquantes : {missing}
Périmées : {stale}
Plus dans la bibliothèque : {orphans}

Utilisez Fichier › Reconstruire l&apos;index de recherche… pour le réparer.</translation>
    </message>
    <message>
        <source>Checking the search index…</source>
        <translation>Vérification de l&apos;index de recherche…</translation>
    </message>
</context>
<context>
    <name>InsightsController</name>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Tableau de bord</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Carte</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Rapport…</translation>
    </message>
    <message>
        <source>Showing {what} · &lt;a href=&quot;all&quot;&gt;show all records&lt;/a&gt;</source>
        <translation>Affichage : {what} · &lt;a href=&quot;all&quot;&gt;afficher toutes les fiches&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>IntegrityStatus</name>
    <message>
        <source>rows that failed their integrity check (changed outside kmdesk): {count}</source>
        <translation>lignes ayant échoué au contrôle d’intégrité (modifiées hors de kmdesk) : {count}</translation>
    </message>
    <message>
        <source>the library is older than when it was last opened here</source>
        <translation>la bibliothèque est plus ancienne que lors de sa dernière ouverture ici</translation>
    </message>
    <message>
        <source>its rows are not signed yet</source>
        <translation>ses lignes ne sont pas encore signées</translation>
    </message>
    <message>
        <source>Integrity warning: {parts}</source>
        <translation>Alerte d’intégrité : {parts}</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <source>Integrity problems: details</source>
        <translation>Problèmes d’intégrité : détails</translation>
    </message>
    <message>
        <source>Went back: {what}</source>
        <translation>Revenu en arrière : {what}</translation>
    </message>
    <message>
        <source>Rows not signed yet: until a custodian unlocks the library, they are untrusted.</source>
        <translation>Lignes pas encore signées : tant qu’un gardien n’a pas déverrouillé la bibliothèque, elles ne sont pas fiables.</translation>
    </message>
    <message>
        <source>Integrity problems</source>
        <translation>Problèmes d’intégrité</translation>
    </message>
    <message>
        <source>kmdesk found rows it cannot trust. They are never used: a record that fails is quarantined, a consent that fails does not count, nothing that fails is shared. Restore the library from a backup or ask a custodian; &quot;kmdesk check&quot; lists the same problems.</source>
        <translation>kmdesk a trouvé des lignes auxquelles il ne peut pas se fier. Elles ne sont jamais utilisées : une fiche en échec est mise en quarantaine, un consentement en échec ne compte pas, rien de ce qui échoue n’est partagé. Restaurez la bibliothèque depuis une sauvegarde ou demandez à un gardien ; « kmdesk check » liste les mêmes problèmes.</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <source>Restricted record</source>
        <translation>Fiche restreinte</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Cibles du Cadre mondial</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Access</source>
        <translation>Accès</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Cible {number} : {title}</translation>
    </message>
</context>
<context>
    <name>LibraryTable</name>
    <message>
        <source>Records</source>
        <translation>Fiches</translation>
    </message>
    <message>
        <source>The records the search found, one per row. The arrow keys choose a record, Enter edits it, a right click on the headings chooses the columns.</source>
        <translation>Les fiches trouvées par la recherche, une par ligne. Les flèches choisissent une fiche, Entrée la modifie, un clic droit sur les en-têtes choisit les colonnes.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>This library is locked</source>
        <translation>Cette bibliothèque est verrouillée</translation>
    </message>
    <message>
        <source>Unlock your profile to read and edit the knowledge your community&apos;s protocols allow you. Without unlocking you can browse the public records.</source>
        <translation>Déverrouillez votre profil pour lire et modifier les savoirs que les protocoles de votre communauté vous autorisent. Sans déverrouiller, vous pouvez parcourir les fiches publiques.</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase secrète</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Browse without unlocking</source>
        <translation>Parcourir sans déverrouiller</translation>
    </message>
    <message>
        <source>{name} ({roles})</source>
        <translation>{name} ({roles})</translation>
    </message>
    <message>
        <source>Choose a profile first.</source>
        <translation>Choisissez d&apos;abord un profil.</translation>
    </message>
    <message>
        <source>Type the passphrase of {name}.</source>
        <translation>Saisissez la phrase secrète de {name}.</translation>
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
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Practitioner &amp;directory…</source>
        <translation>&amp;Annuaire des praticiens…</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Corbeille…</translation>
    </message>
    <message>
        <source>About kmdesk</source>
        <translation>À propos de kmdesk</translation>
    </message>
    <message>
        <source>kmdesk {version}

Offline knowledge management for Indigenous Peoples and Local Communities and biodiversity practitioners, for the Kunming-Montreal Global Biodiversity Framework. Knowledge is shared only with free, prior and informed consent.</source>
        <translation>kmdesk {version}

Gestion des connaissances hors ligne pour les peuples autochtones et les communautés locales et les praticiens de la biodiversité, au service du Cadre mondial de la biodiversité de Kunming-Montréal. Les savoirs ne sont partagés qu&apos;avec le consentement préalable, donné librement et en connaissance de cause.</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message>
        <source>Map — kmdesk</source>
        <translation>Carte — kmdesk</translation>
    </message>
    <message>
        <source>Countries are shaded by the number of records that name them (darker: more); a dot is a place with coordinates. Click either to list its records. Boundaries: Natural Earth (public domain).</source>
        <translation>Les pays sont teintés selon le nombre de fiches qui les citent (plus foncé : davantage) ; un point est un lieu avec des coordonnées. Cliquez sur l&apos;un ou l&apos;autre pour lister ses fiches. Frontières : Natural Earth (domaine public).</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Comptage…</translation>
    </message>
    <message>
        <source>The map could not be drawn: {reason}</source>
        <translation>La carte n&apos;a pas pu être dessinée : {reason}</translation>
    </message>
    <message numerus="yes">
        <source>{country}: %Ln record(s)</source>
        <translation>
            <numerusform>{country} : %Ln fiche</numerusform>
            <numerusform>{country} : %Ln fiches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{places}: %Ln record(s)</source>
        <translation>
            <numerusform>{places} : %Ln fiche</numerusform>
            <numerusform>{places} : %Ln fiches</numerusform>
        </translation>
    </message>
    <message>
        <source>{countries} countries and {places} places with coordinates</source>
        <translation>{countries} pays et {places} lieux avec coordonnées</translation>
    </message>
    <message>
        <source>Country: {name}</source>
        <translation>Pays : {name}</translation>
    </message>
    <message>
        <source>Place: {names}</source>
        <translation>Lieu : {names}</translation>
    </message>
</context>
<context>
    <name>MatchesView</name>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Pourquoi</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Correspondances</translation>
    </message>
    <message>
        <source>Matches are found for needs, offers, organizations and people.</source>
        <translation>Les correspondances se cherchent pour les besoins, offres, organisations et personnes.</translation>
    </message>
    <message>
        <source>Looking for matches…</source>
        <translation>Recherche de correspondances…</translation>
    </message>
    <message>
        <source>{title} (from the CHM)</source>
        <translation>{title} (du Centre d&apos;échange)</translation>
    </message>
    <message>
        <source>{count} matches; open one with a double click.</source>
        <translation>{count} correspondances ; ouvrez-en une d&apos;un double clic.</translation>
    </message>
    <message>
        <source>No match yet: nothing in the library or the pulled CHM records fits.</source>
        <translation>Pas encore de correspondance : rien dans la bibliothèque ni dans les fiches rapatriées du Centre d&apos;échange ne convient.</translation>
    </message>
    <message>
        <source>Matches could not be found: {error}</source>
        <translation>Impossible de chercher les correspondances : {error}</translation>
    </message>
</context>
<context>
    <name>OpenLibraryBanner</name>
    <message>
        <source>This library has no profiles: anyone using this computer can read and change it, and nothing in it can be protected. Create its first custodian to keep a community&apos;s knowledge under its own rules.</source>
        <translation>Cette bibliothèque n&apos;a aucun profil : toute personne utilisant cet ordinateur peut la lire et la modifier, et rien ne peut y être protégé. Créez son premier gardien pour garder les savoirs d&apos;une communauté sous ses propres règles.</translation>
    </message>
    <message>
        <source>Create the first custodian…</source>
        <translation>Créer le premier gardien…</translation>
    </message>
    <message>
        <source>Keep it open</source>
        <translation>La laisser ouverte</translation>
    </message>
</context>
<context>
    <name>PanesController</name>
    <message>
        <source>kmdesk — {folder} (read-only)</source>
        <translation>kmdesk — {folder} (lecture seule)</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>Lecture seule</translation>
    </message>
    <message>
        <source>&amp;Filters</source>
        <translation>&amp;Filtres</translation>
    </message>
    <message>
        <source>Show or hide the filters pane</source>
        <translation>Afficher ou masquer le volet des filtres</translation>
    </message>
    <message>
        <source>&amp;Record pane</source>
        <translation>Volet de la &amp;fiche</translation>
    </message>
    <message>
        <source>Show or hide the record pane</source>
        <translation>Afficher ou masquer le volet de la fiche</translation>
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
        <translation>Préférences</translation>
    </message>
    <message>
        <source>language tags, e.g. quz, es, en</source>
        <translation>étiquettes de langue, p. ex. quz, es, en</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Langue de l&apos;interface</translation>
    </message>
    <message>
        <source>Record languages, in order</source>
        <translation>Langues des fiches, dans l&apos;ordre</translation>
    </message>
    <message>
        <source>A record&apos;s title and texts are shown in the interface language when the record has it, else in the first of these languages it has. Any BCP 47 tag works, e.g. quz (Cusco Quechua), mi (Maori), sw (Swahili).</source>
        <translation>Le titre et les textes d&apos;une fiche s&apos;affichent dans la langue de l&apos;interface si la fiche l&apos;a, sinon dans la première de ces langues qu&apos;elle contient. Toute étiquette BCP 47 convient, p. ex. quz (quechua de Cusco), mi (maori), sw (swahili).</translation>
    </message>
    <message>
        <source>“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.</source>
        <translation>« {tag} » n&apos;est pas une étiquette de langue (BCP 47), p. ex. quz ou pt-BR.</translation>
    </message>
</context>
<context>
    <name>ProfileSession</name>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>&amp;Change my passphrase…</source>
        <translation>&amp;Changer ma phrase secrète…</translation>
    </message>
    <message>
        <source>&amp;Custodian&apos;s view…</source>
        <translation>Vue du &amp;gardien…</translation>
    </message>
    <message>
        <source>Create the &amp;first custodian…</source>
        <translation>Créer le &amp;premier gardien…</translation>
    </message>
    <message>
        <source>Lock &amp;automatically after…</source>
        <translation>Verrouiller &amp;automatiquement après…</translation>
    </message>
    <message>
        <source>&amp;Access</source>
        <translation>A&amp;ccès</translation>
    </message>
    <message>
        <source>&amp;Unlock…</source>
        <translation>&amp;Déverrouiller…</translation>
    </message>
    <message>
        <source>Lock the library: forget the keys until a passphrase is typed again (Ctrl+L)</source>
        <translation>Verrouiller la bibliothèque : oublier les clés jusqu&apos;à ce qu&apos;une phrase secrète soit de nouveau saisie (Ctrl+L)</translation>
    </message>
    <message>
        <source>Unlock a profile to read protected knowledge (Ctrl+L)</source>
        <translation>Déverrouiller un profil pour lire les savoirs protégés (Ctrl+L)</translation>
    </message>
    <message>
        <source>Unlocked: {name} ({roles})</source>
        <translation>Déverrouillé : {name} ({roles})</translation>
    </message>
    <message>
        <source>Locked: public records only</source>
        <translation>Verrouillé : fiches publiques seulement</translation>
    </message>
    <message>
        <source>Open library (no profiles)</source>
        <translation>Bibliothèque ouverte (sans profils)</translation>
    </message>
    <message>
        <source>That passphrase does not open {name}. Check it (and Caps Lock) and try again.</source>
        <translation>Cette phrase secrète n&apos;ouvre pas {name}. Vérifiez-la (et le verrouillage des majuscules) puis réessayez.</translation>
    </message>
    <message>
        <source>There is no profile named {name} any more.</source>
        <translation>Il n&apos;y a plus de profil nommé {name}.</translation>
    </message>
    <message>
        <source>Unlocking {name}…</source>
        <translation>Déverrouillage de {name}…</translation>
    </message>
    <message>
        <source>Unlocked as {name}.</source>
        <translation>Déverrouillé en tant que {name}.</translation>
    </message>
    <message>
        <source>Lock the library</source>
        <translation>Verrouiller la bibliothèque</translation>
    </message>
    <message>
        <source>An editor has changes that are not saved. Locking closes it and discards them.</source>
        <translation>Un éditeur contient des modifications non enregistrées. Verrouiller le ferme et les abandonne.</translation>
    </message>
    <message>
        <source>The library locked itself after {minutes} minutes without use.</source>
        <translation>La bibliothèque s&apos;est verrouillée après {minutes} minutes sans utilisation.</translation>
    </message>
    <message>
        <source>An open editor was closed and its unsaved changes were discarded.</source>
        <translation>Un éditeur ouvert a été fermé et ses modifications non enregistrées ont été abandonnées.</translation>
    </message>
    <message>
        <source>Lock automatically</source>
        <translation>Verrouillage automatique</translation>
    </message>
    <message>
        <source>Lock the library after this many minutes without use (0: never):</source>
        <translation>Verrouiller la bibliothèque après ce nombre de minutes sans utilisation (0 : jamais) :</translation>
    </message>
    <message>
        <source>Creating {name}…</source>
        <translation>Création de {name}…</translation>
    </message>
    <message>
        <source>The current passphrase is not right.</source>
        <translation>La phrase secrète actuelle n&apos;est pas la bonne.</translation>
    </message>
    <message>
        <source>The passphrase of {name} was changed.</source>
        <translation>La phrase secrète de {name} a été changée.</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Changement de la phrase secrète…</translation>
    </message>
    <message>
        <source>Consent saved.</source>
        <translation>Consentement enregistré.</translation>
    </message>
</context>
<context>
    <name>ProgressDialog</name>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>RecordConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Enregistrer le consentement</translation>
    </message>
    <message>
        <source>Consent for “{title}”. A consent is the community&apos;s whole decision at the time it was given; it replaces earlier ones and is never edited afterwards.</source>
        <translation>Consentement pour « {title} ». Un consentement est la décision entière de la communauté au moment où il a été donné ; il remplace les précédents et n&apos;est jamais modifié ensuite.</translation>
    </message>
    <message>
        <source>the person or authority who gave consent</source>
        <translation>la personne ou l&apos;autorité qui a donné son consentement</translation>
    </message>
    <message>
        <source>e.g. assembly of the ayllu, council of elders</source>
        <translation>p. ex. assemblée de l&apos;ayllu, conseil des anciens</translation>
    </message>
    <message>
        <source>names, separated by commas</source>
        <translation>noms, séparés par des virgules</translation>
    </message>
    <message>
        <source>who receives the knowledge</source>
        <translation>qui reçoit les savoirs</translation>
    </message>
    <message>
        <source>information shared on</source>
        <translation>information partagée le</translation>
    </message>
    <message>
        <source>e.g. Quechua (quz)</source>
        <translation>p. ex. quechua (quz)</translation>
    </message>
    <message>
        <source>e.g. meeting with an interpreter, radio, written summary</source>
        <translation>p. ex. réunion avec un interprète, radio, résumé écrit</translation>
    </message>
    <message>
        <source>given on</source>
        <translation>donné le</translation>
    </message>
    <message>
        <source>What the community agreed to</source>
        <translation>Ce que la communauté a accepté</translation>
    </message>
    <message>
        <source>conditions the community set, in its words</source>
        <translation>conditions fixées par la communauté, dans ses mots</translation>
    </message>
    <message>
        <source>expires on</source>
        <translation>expire le</translation>
    </message>
    <message>
        <source>the attachment or archive reference of the signed form or recording</source>
        <translation>la pièce jointe ou la référence d&apos;archive du formulaire signé ou de l&apos;enregistrement</translation>
    </message>
    <message>
        <source>Granted by</source>
        <translation>Accordé par</translation>
    </message>
    <message>
        <source>For the community</source>
        <translation>Au nom de la communauté</translation>
    </message>
    <message>
        <source>Community process</source>
        <translation>Processus communautaire</translation>
    </message>
    <message>
        <source>Witnesses</source>
        <translation>Témoins</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
    <message>
        <source>Prior information</source>
        <translation>Information préalable</translation>
    </message>
    <message>
        <source>Informed in (language)</source>
        <translation>Informé en (langue)</translation>
    </message>
    <message>
        <source>Informed how</source>
        <translation>Mode d&apos;information</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Consentement donné</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Forme</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Preuve</translation>
    </message>
</context>
<context>
    <name>RecordController</name>
    <message>
        <source>No font for {scripts} is installed: this text shows as boxes. Install a font for it (Debian/Ubuntu: {packages}).</source>
        <translation>Aucune police n&apos;est installée pour {scripts} : ce texte s&apos;affiche en carrés. Installez-en une (Debian/Ubuntu : {packages}).</translation>
    </message>
    <message>
        <source>Pulled from the CHM: read-only here. The next pull brings its changes.</source>
        <translation>Récupérée du Centre d&apos;échange : en lecture seule ici. La prochaine récupération apporte ses modifications.</translation>
    </message>
    <message>
        <source>Adding or removing files needs an unlocked contributor or custodian who may read this record.</source>
        <translation>Ajouter ou retirer des fichiers demande un profil de contributeur ou de gardien déverrouillé qui peut lire cette fiche.</translation>
    </message>
    <message>
        <source>Edit the selected record</source>
        <translation>Modifier la fiche sélectionnée</translation>
    </message>
    <message>
        <source>Delete the selected record</source>
        <translation>Supprimer la fiche sélectionnée</translation>
    </message>
    <message>
        <source>Record created.</source>
        <translation>Fiche créée.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Record moved to the trash.</source>
        <translation>Fiche placée dans la corbeille.</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>New record</source>
        <translation>Nouvelle fiche</translation>
    </message>
    <message>
        <source>Edit record</source>
        <translation>Modifier la fiche</translation>
    </message>
    <message>
        <source>Texts</source>
        <translation>Textes</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>GBF</source>
        <translation>Cadre mondial</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Access and labels</source>
        <translation>Accès et étiquettes</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Save and keep editing (Ctrl+S)</source>
        <translation>Enregistrer et continuer (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>Enregistrer et fermer</translation>
    </message>
    <message>
        <source>Add language…</source>
        <translation>Ajouter une langue…</translation>
    </message>
    <message>
        <source>Add the title, summary and text in another language (any BCP 47 tag, e.g. quz, sw, pt-BR)</source>
        <translation>Ajouter le titre, le résumé et le texte dans une autre langue (toute étiquette BCP 47, p. ex. quz, sw, pt-BR)</translation>
    </message>
    <message>
        <source>Add language</source>
        <translation>Ajouter une langue</translation>
    </message>
    <message>
        <source>Language tag (BCP 47), for example quz, sw, ar, pt-BR:</source>
        <translation>Étiquette de langue (BCP 47), par exemple quz, sw, ar, pt-BR :</translation>
    </message>
    <message>
        <source>“{tag}” is not a language tag (BCP 47), e.g. quz or pt-BR.</source>
        <translation>« {tag} » n&apos;est pas une étiquette de langue (BCP 47), p. ex. quz ou pt-BR.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>title ({tag})</source>
        <translation>titre ({tag})</translation>
    </message>
    <message>
        <source>summary ({tag})</source>
        <translation>résumé ({tag})</translation>
    </message>
    <message>
        <source>text ({tag})</source>
        <translation>texte ({tag})</translation>
    </message>
    <message>
        <source>type</source>
        <translation>type</translation>
    </message>
    <message>
        <source>kind of resource</source>
        <translation>genre de ressource</translation>
    </message>
    <message>
        <source>keywords</source>
        <translation>mots-clés</translation>
    </message>
    <message>
        <source>community</source>
        <translation>communauté</translation>
    </message>
    <message>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <source>licence</source>
        <translation>licence</translation>
    </message>
    <message>
        <source>link</source>
        <translation>lien</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>langues</translation>
    </message>
    <message>
        <source>countries</source>
        <translation>pays</translation>
    </message>
    <message>
        <source>places</source>
        <translation>lieux</translation>
    </message>
    <message>
        <source>goal {code}</source>
        <translation>objectif {code}</translation>
    </message>
    <message>
        <source>GBF targets</source>
        <translation>Cibles du Cadre mondial</translation>
    </message>
    <message>
        <source>creators</source>
        <translation>créateurs</translation>
    </message>
    <message>
        <source>access</source>
        <translation>accès</translation>
    </message>
    <message>
        <source>labels</source>
        <translation>étiquettes</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>The record selected in the list: its texts in every language, its targets, people, places and access.</source>
        <translation>La fiche choisie dans la liste : ses textes dans chaque langue, ses cibles, ses personnes, ses lieux et son accès.</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Record pane</source>
        <translation>Volet de la fiche</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Select a record in the list to read it here.</source>
        <translation>Sélectionnez une fiche dans la liste pour la lire ici.</translation>
    </message>
    <message>
        <source>On the Clearing-House</source>
        <translation>Sur le Centre d&apos;échange</translation>
    </message>
    <message>
        <source>Restricted record</source>
        <translation>Fiche restreinte</translation>
    </message>
    <message>
        <source>In conflict: {fields}. Two devices changed this at once; both values are kept and one is shown here. Choose in Hub › Records in conflict…</source>
        <translation>En conflit : {fields}. Deux appareils l’ont modifié en même temps ; les deux valeurs sont gardées et l’une est affichée ici. Choisissez dans Hub › Fiches en conflit…</translation>
    </message>
    <message>
        <source>This record is protected by its community&apos;s rules. Its texts open only for a profile that may read them.</source>
        <translation>Cette fiche est protégée par les règles de sa communauté. Ses textes ne s&apos;ouvrent qu&apos;à un profil autorisé à les lire.</translation>
    </message>
    <message>
        <source>Goal {code}: {title}</source>
        <translation>Objectif {code} : {title}</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Cible {number} : {title}</translation>
    </message>
    <message>
        <source>Kunming-Montreal Global Biodiversity Framework</source>
        <translation>Cadre mondial de la biodiversité de Kunming-Montréal</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>Mots-clés</translation>
    </message>
    <message>
        <source>CBD subjects</source>
        <translation>Thèmes de la CDB</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>Langues</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Créateurs</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Communauté</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personnes</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Lieux</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Où</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Révision</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Dernière modification</translation>
    </message>
    <message>
        <source>Record id</source>
        <translation>Identifiant de la fiche</translation>
    </message>
    <message>
        <source>Not listed in the directory: without a valid consent to be listed (list_in_directory), contact details are withheld from locked views, search, exports, reports and the CHM.</source>
        <translation>Absent du répertoire : sans consentement valide à y figurer (list_in_directory), les coordonnées sont retenues des vues verrouillées, de la recherche, des exports, des rapports et du Centre d&apos;échange.</translation>
    </message>
    <message>
        <source>Listed in the directory with the consent of {who}, given on {day}.</source>
        <translation>Répertorié avec le consentement de {who}, donné le {day}.</translation>
    </message>
    <message>
        <source>Listed in the directory with a valid consent to be listed.</source>
        <translation>Répertorié avec un consentement valide à figurer dans le répertoire.</translation>
    </message>
    <message>
        <source>From the CHM</source>
        <translation>Du Centre d&apos;échange</translation>
    </message>
    <message>
        <source>Pulled from the central Clearing-House (identifier {identifier}). It is read-only here: the next pull brings its changes, or marks it withdrawn.</source>
        <translation>Rapatriée du Centre d&apos;échange central (identifiant {identifier}). Elle est en lecture seule ici : la prochaine récupération apporte ses changements, ou la marque comme retirée.</translation>
    </message>
    <message>
        <source>May go to the national CHM once someone selects it for sharing.</source>
        <translation>Peut aller au Centre d&apos;échange national dès que quelqu&apos;un la sélectionne pour le partage.</translation>
    </message>
    <message>
        <source>Not eligible:</source>
        <translation>Non admissible :</translation>
    </message>
    <message>
        <source>Access and consent</source>
        <translation>Accès et consentement</translation>
    </message>
    <message>
        <source>Access level</source>
        <translation>Niveau d&apos;accès</translation>
    </message>
    <message>
        <source>Protocols</source>
        <translation>Protocoles</translation>
    </message>
    <message>
        <source>members of any one</source>
        <translation>membres de l&apos;un d&apos;eux</translation>
    </message>
    <message>
        <source>Custodians</source>
        <translation>Gardiens</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>Partage</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>GBF report</source>
        <translation>Rapport sur le Cadre</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <source>Web page (HTML)</source>
        <translation>Page web (HTML)</translation>
    </message>
    <message>
        <source>Markdown text</source>
        <translation>Texte Markdown</translation>
    </message>
    <message>
        <source>All targets</source>
        <translation>Toutes les cibles</translation>
    </message>
    <message>
        <source>{number} · {title}</source>
        <translation>{number} · {title}</translation>
    </message>
    <message>
        <source>The report holds public records only, whoever is unlocked.</source>
        <translation>Le rapport ne contient que des fiches publiques, quel que soit le profil déverrouillé.</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format :</translation>
    </message>
    <message>
        <source>Targets:</source>
        <translation>Cibles :</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Rédaction du rapport…</translation>
    </message>
</context>
<context>
    <name>SearchController</name>
    <message>
        <source>Search failed: {reason} {detail}</source>
        <translation>La recherche a échoué : {reason} {detail}</translation>
    </message>
    <message>
        <source>Showing results for {suggestion}.</source>
        <translation>Résultats affichés pour {suggestion}.</translation>
    </message>
    <message>
        <source>Did you mean {suggestion}?</source>
        <translation>Vouliez-vous dire {suggestion} ?</translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s)</source>
        <translation>
            <numerusform>%Ln fiche</numerusform>
            <numerusform>%Ln fiches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln shown</source>
        <translation>
            <numerusform>%Ln affichée</numerusform>
            <numerusform>%Ln affichées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
<context>
    <name>SuggestionsBox</name>
    <message>
        <source>Suggested targets and subjects</source>
        <translation>Cibles et thèmes suggérés</translation>
    </message>
    <message>
        <source>Suggest</source>
        <translation>Suggérer</translation>
    </message>
    <message>
        <source>Propose GBF targets and CBD subjects from similar tagged records and the vocabularies&apos; own words; nothing is added without a click</source>
        <translation>Propose des cibles du Cadre mondial et des thèmes de la CDB à partir de fiches étiquetées semblables et des mots des vocabulaires eux-mêmes ; rien n&apos;est ajouté sans un clic</translation>
    </message>
    <message>
        <source>Looking at similar records…</source>
        <translation>Examen des fiches semblables…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Click Add for each one that fits.</source>
        <translation>Cliquez sur Ajouter pour chacune qui convient.</translation>
    </message>
    <message>
        <source>No suggestion: add more text first.</source>
        <translation>Aucune suggestion : ajoutez d&apos;abord du texte.</translation>
    </message>
    <message>
        <source>Target {number} · {title}</source>
        <translation>Cible {number} · {title}</translation>
    </message>
    <message>
        <source>Subject: {title}</source>
        <translation>Thème : {title}</translation>
    </message>
    <message>
        <source>like «{title}»</source>
        <translation>comme « {title} »</translation>
    </message>
    <message>
        <source>words: {words}</source>
        <translation>mots : {words}</translation>
    </message>
</context>
<context>
    <name>SyncPanel</name>
    <message>
        <source>sent as draft</source>
        <translation>envoyée en brouillon</translation>
    </message>
    <message>
        <source>submitted for review</source>
        <translation>soumise pour examen</translation>
    </message>
    <message>
        <source>failed: {reason}</source>
        <translation>échec : {reason}</translation>
    </message>
    <message>
        <source>queued (last try: {error})</source>
        <translation>en file d&apos;attente (dernière tentative : {error})</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>en file d&apos;attente</translation>
    </message>
    <message>
        <source>not shared</source>
        <translation>non partagée</translation>
    </message>
    <message>
        <source>selected, not sent</source>
        <translation>sélectionnée, non envoyée</translation>
    </message>
    <message>
        <source>retracted</source>
        <translation>retirée</translation>
    </message>
    <message>
        <source>not eligible, taken down</source>
        <translation>non admissible, retirée</translation>
    </message>
    <message>
        <source>The CHM does not know the realm “{realm}”: correct the target&apos;s realm (CHM, or CHM-DEV on the development host). Nothing was sent; records stay queued.</source>
        <translation>Le Centre d&apos;échange ne connaît pas le domaine « {realm} » : corrigez le domaine de la cible (CHM, ou CHM-DEV sur le serveur de développement). Rien n&apos;a été envoyé ; les fiches restent en attente.</translation>
    </message>
    <message>
        <source>The CHM at {url} refused the e-mail or password (HTTP {status}). Records stay queued.</source>
        <translation>Le Centre d&apos;échange à {url} a refusé l&apos;adresse électronique ou le mot de passe (HTTP {status}). Les fiches restent en attente.</translation>
    </message>
    <message>
        <source>The target refused the account or its rights.</source>
        <translation>La cible a refusé le compte ou ses droits.</translation>
    </message>
    <message>
        <source>This Bioland site accepts no new content (read-only). Records stay queued.</source>
        <translation>Ce site Bioland n&apos;accepte pas de nouveau contenu (lecture seule). Les fiches restent en file d&apos;attente.</translation>
    </message>
    <message>
        <source>This target is missing its account settings.</source>
        <translation>Il manque à cette cible ses paramètres de compte.</translation>
    </message>
    <message>
        <source>The run stopped.</source>
        <translation>L&apos;exécution s&apos;est arrêtée.</translation>
    </message>
    <message>
        <source>Sync with the CHM</source>
        <translation>Synchroniser avec le CHM</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Fiche</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>À faire</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Dernière erreur</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Échecs</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synchroniser maintenant</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Réessayer maintenant</translation>
    </message>
    <message>
        <source>Pull from the CHM</source>
        <translation>Récupérer du Centre d&apos;échange</translation>
    </message>
    <message>
        <source>Fetch the central CHM&apos;s public records for each CHM target&apos;s country into the read-only collection &quot;From the CHM&quot;</source>
        <translation>Récupère les fiches publiques du Centre d&apos;échange central pour le pays de chaque cible dans la collection en lecture seule « Du Centre d&apos;échange »</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Partager</translation>
    </message>
    <message>
        <source>Pulling from the CHM…</source>
        <translation>Récupération depuis le Centre d&apos;échange…</translation>
    </message>
    <message>
        <source>{target}: {added} new, {updated} updated, {withdrawn} withdrawn from the CHM.</source>
        <translation>{target} : {added} nouvelles, {updated} mises à jour, {withdrawn} retirées du Centre d&apos;échange.</translation>
    </message>
    <message>
        <source>The CHM needs the title in one of the six UN languages (Arabic, Chinese, English, French, Russian, Spanish); this record has: {languages}</source>
        <translation>Le Centre d&apos;échange a besoin du titre dans l&apos;une des six langues de l&apos;ONU (anglais, arabe, chinois, espagnol, français, russe) ; cette fiche a : {languages}</translation>
    </message>
    <message>
        <source>The CHM accepts no identifier like this record&apos;s id; it is sent as {identifier}, the same every time.</source>
        <translation>Le Centre d&apos;échange n&apos;accepte aucun identifiant comme celui de cette fiche ; elle est envoyée sous {identifier}, toujours le même.</translation>
    </message>
    <message>
        <source>Share with {target}</source>
        <translation>Partager avec {target}</translation>
    </message>
    <message>
        <source>Sending needs an unlocked profile that holds the sync credentials (a custodian).</source>
        <translation>L&apos;envoi demande un profil déverrouillé qui détient les identifiants de synchronisation (un gardien).</translation>
    </message>
    <message>
        <source>Send what waits for a retry at once, and try rejected records again</source>
        <translation>Envoyer tout de suite ce qui attend une nouvelle tentative, et réessayer les fiches refusées</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Refused by the target (fix the record, then retry)</source>
        <translation>Refusée par la cible (corrigez la fiche, puis réessayez)</translation>
    </message>
    <message>
        <source>This record</source>
        <translation>Cette fiche</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>Ne plus partager</translation>
    </message>
    <message>
        <source>Network: connected</source>
        <translation>Réseau : connecté</translation>
    </message>
    <message>
        <source>Network: offline — records wait in the outbox</source>
        <translation>Réseau : hors ligne — les fiches attendent dans la boîte d&apos;envoi</translation>
    </message>
    <message>
        <source>Network: unknown — sync is tried every few minutes while records wait</source>
        <translation>Réseau : inconnu — la synchronisation est tentée toutes les quelques minutes tant que des fiches attendent</translation>
    </message>
    <message>
        <source>never</source>
        <translation>jamais</translation>
    </message>
    <message>
        <source>{target}: last sync {when}, {queued} waiting, {failed} refused</source>
        <translation>{target} : dernière synchronisation {when}, {queued} en attente, {failed} refusée(s)</translation>
    </message>
    <message>
        <source>No sync target yet: a custodian adds one with &apos;kmdesk target add&apos;.</source>
        <translation>Pas encore de cible de synchronisation : un gardien en ajoute une avec « kmdesk target add ».</translation>
    </message>
    <message>
        <source>(deleted record {id})</source>
        <translation>(fiche supprimée {id})</translation>
    </message>
    <message>
        <source>send</source>
        <translation>envoyer</translation>
    </message>
    <message>
        <source>take down</source>
        <translation>retirer</translation>
    </message>
    <message>
        <source>{todo}, tried {n}×</source>
        <translation>{todo}, tenté {n}×</translation>
    </message>
    <message>
        <source>{title} → {target}: {reason}</source>
        <translation>{title} → {target} : {reason}</translation>
    </message>
    <message>
        <source>Syncing with the CHM…</source>
        <translation>Synchronisation avec le CHM…</translation>
    </message>
    <message>
        <source>Select a record to see whether it can be shared.</source>
        <translation>Sélectionnez une fiche pour voir si elle peut être partagée.</translation>
    </message>
    <message>
        <source>Eligible: consent and access allow sharing.</source>
        <translation>Admissible : le consentement et l&apos;accès permettent le partage.</translation>
    </message>
    <message>
        <source>Not eligible:</source>
        <translation>Non admissible :</translation>
    </message>
    <message>
        <source>The CHM still needs: {fields}</source>
        <translation>Le CHM a encore besoin de : {fields}</translation>
    </message>
    <message>
        <source>The CHM would refuse: {problems}</source>
        <translation>Le CHM refuserait : {problems}</translation>
    </message>
    <message>
        <source>No sync target yet.</source>
        <translation>Pas encore de cible de synchronisation.</translation>
    </message>
</context>
<context>
    <name>TrashView</name>
    <message>
        <source>Trash</source>
        <translation>Corbeille</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Supprimée le</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>Supprimée par</translation>
    </message>
    <message>
        <source>Deleted records</source>
        <translation>Fiches supprimées</translation>
    </message>
    <message>
        <source>Records deleted from this library, newest first, with when and by whom; choose one and press Restore to bring it back.</source>
        <translation>Fiches supprimées de cette bibliothèque, les plus récentes d’abord, avec la date et l’auteur de la suppression ; choisissez-en une et appuyez sur Restaurer pour la rétablir.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>Put the chosen record back in the library, as it was.</source>
        <translation>Remettre la fiche choisie dans la bibliothèque, telle qu’elle était.</translation>
    </message>
    <message>
        <source>&amp;Empty trash…</source>
        <translation>&amp;Vider la corbeille…</translation>
    </message>
    <message>
        <source>Forget every deleted record you may remove, with its files, after asking; this cannot be undone.</source>
        <translation>Oublier, après confirmation, chaque fiche supprimée que vous pouvez retirer, avec ses fichiers ; impossible à annuler.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Trash status</source>
        <translation>État de la corbeille</translation>
    </message>
    <message>
        <source>Reading the trash…</source>
        <translation>Lecture de la corbeille…</translation>
    </message>
    <message>
        <source>Damaged record (failed its integrity check)</source>
        <translation>Fiche endommagée (échec du contrôle d’intégrité)</translation>
    </message>
    <message>
        <source>Restricted record (you cannot open it)</source>
        <translation>Fiche restreinte (vous ne pouvez pas l’ouvrir)</translation>
    </message>
    <message>
        <source>(untitled)</source>
        <translation>(sans titre)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln deleted record(s).</source>
        <translation>
            <numerusform>%Ln fiche supprimée</numerusform>
            <numerusform>%Ln fiches supprimées</numerusform>
        </translation>
    </message>
    <message>
        <source>The trash is empty.</source>
        <translation>La corbeille est vide.</translation>
    </message>
    <message>
        <source>Restored “{title}”.</source>
        <translation>« {title} » restaurée.</translation>
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
        <translation>Retirer le consentement</translation>
    </message>
    <message>
        <source>Withdraw consent for “{title}”. The record will be retracted from the Clearing-House at the next sync; the history keeps the consent and its withdrawal.</source>
        <translation>Retirer le consentement pour « {title} ». La fiche sera retirée du Centre d&apos;échange à la prochaine synchronisation ; l&apos;historique garde le consentement et son retrait.</translation>
    </message>
    <message>
        <source>Every consent still standing</source>
        <translation>Tous les consentements encore en vigueur</translation>
    </message>
    <message>
        <source>Given {date} by {name}</source>
        <translation>Donné le {date} par {name}</translation>
    </message>
    <message>
        <source>the person or authority withdrawing it</source>
        <translation>la personne ou l&apos;autorité qui le retire</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Retiré le</translation>
    </message>
    <message>
        <source>Withdrawn by</source>
        <translation>Retiré par</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Say who withdrew the consent.</source>
        <translation>Indiquez qui a retiré le consentement.</translation>
    </message>
</context>
<context>
    <name>access</name>
    <message>
        <source>Anyone using this library can read it. It may go to the national Clearing-House Mechanism when a consent covers that and no label forbids it.</source>
        <translation>Toute personne utilisant cette bibliothèque peut la lire. Elle peut aller au Centre d&apos;échange national lorsqu&apos;un consentement le couvre et qu&apos;aucune étiquette ne l&apos;interdit.</translation>
    </message>
    <message>
        <source>Only members of the record&apos;s community can read it. Its texts are encrypted on this computer; others see that it exists, not what it says.</source>
        <translation>Seuls les membres de la communauté de la fiche peuvent la lire. Ses textes sont chiffrés sur cet ordinateur ; les autres voient qu&apos;elle existe, pas ce qu&apos;elle dit.</translation>
    </message>
    <message>
        <source>Only members of the cultural protocols ticked below can read it (all of them, or any one, as chosen). Its texts are encrypted; others see a sealed record.</source>
        <translation>Seuls les membres des protocoles culturels cochés ci-dessous peuvent la lire (de tous, ou d&apos;un seul, selon le choix). Ses textes sont chiffrés ; les autres voient une fiche scellée.</translation>
    </message>
    <message>
        <source>Only the custodians named below can read it, and nobody else even sees that it exists. It never leaves this computer: no export, no sync.</source>
        <translation>Seuls les gardiens nommés ci-dessous peuvent la lire, et personne d&apos;autre ne voit même qu&apos;elle existe. Elle ne quitte jamais cet ordinateur : ni export, ni synchronisation.</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Valide</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>Expire bientôt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Retiré</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Aucun consentement</translation>
    </message>
    <message>
        <source>A current consent is in force.</source>
        <translation>Un consentement en cours est en vigueur.</translation>
    </message>
    <message>
        <source>The consent in force ends within 30 days; ask the community whether to renew it.</source>
        <translation>Le consentement en vigueur prend fin dans moins de 30 jours ; demandez à la communauté s&apos;il faut le renouveler.</translation>
    </message>
    <message>
        <source>The consent has expired; the record is not shared until a new consent is recorded.</source>
        <translation>Le consentement a expiré ; la fiche n&apos;est pas partagée tant qu&apos;un nouveau consentement n&apos;est pas enregistré.</translation>
    </message>
    <message>
        <source>The community withdrew its consent; the record is retracted from the CHM at the next sync.</source>
        <translation>La communauté a retiré son consentement ; la fiche est retirée du CHM à la prochaine synchronisation.</translation>
    </message>
    <message>
        <source>No consent has been recorded.</source>
        <translation>Aucun consentement n&apos;a été enregistré.</translation>
    </message>
    <message>
        <source>custodian</source>
        <translation>gardien</translation>
    </message>
    <message>
        <source>contributor</source>
        <translation>contributeur</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>lecteur</translation>
    </message>
    <message>
        <source>Nobody has selected it for sharing yet.</source>
        <translation>Personne ne l&apos;a encore sélectionnée pour le partage.</translation>
    </message>
    <message>
        <source>Its access level is {level}, not public.</source>
        <translation>Son niveau d&apos;accès est {level}, pas public.</translation>
    </message>
    <message>
        <source>Sacred knowledge never leaves this computer.</source>
        <translation>Les savoirs sacrés ne quittent jamais cet ordinateur.</translation>
    </message>
    <message>
        <source>It is a community&apos;s knowledge: it needs a current consent covering “Share with the national CHM”.</source>
        <translation>Ce sont les savoirs d&apos;une communauté : il faut un consentement en vigueur couvrant « Partage avec le CHM national ».</translation>
    </message>
    <message>
        <source>The consent expired on {date}.</source>
        <translation>Le consentement a expiré le {date}.</translation>
    </message>
    <message>
        <source>The consent was withdrawn on {date}.</source>
        <translation>Le consentement a été retiré le {date}.</translation>
    </message>
    <message>
        <source>The current consent&apos;s scope is sealed: unlock a profile that may read this record to see whether it covers sharing with the CHM.</source>
        <translation>La portée du consentement en vigueur est scellée : déverrouillez un profil qui peut lire cette fiche pour voir s&apos;il couvre le partage avec le Centre d&apos;échange.</translation>
    </message>
    <message>
        <source>The current consent does not cover sharing with the CHM (it allows: {scopes}).</source>
        <translation>Le consentement en vigueur ne couvre pas le partage avec le CHM (il permet : {scopes}).</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>rien</translation>
    </message>
    <message>
        <source>The label {label} forbids sharing.</source>
        <translation>L&apos;étiquette {label} interdit le partage.</translation>
    </message>
    <message>
        <source>It failed its integrity check ({problem}): it cannot be shared.</source>
        <translation>Il a échoué à son contrôle d’intégrité ({problem}) : il ne peut pas être partagé.</translation>
    </message>
</context>
<context>
    <name>accessibility</name>
    <message>
        <source>More</source>
        <translation>Plus</translation>
    </message>
    <message>
        <source>Select all</source>
        <translation>Tout sélectionner</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Demo library loaded: {count} records.</source>
        <translation>Bibliothèque de démonstration chargée : {count} fiches.</translation>
    </message>
    <message>
        <source>Preparing the demo library…</source>
        <translation>Préparation de la bibliothèque de démonstration…</translation>
    </message>
    <message>
        <source>Library upgraded; its previous state is kept in {path}</source>
        <translation>Bibliothèque mise à niveau ; son état précédent est conservé dans {path}</translation>
    </message>
    <message>
        <source>Its rows are not signed yet: until a custodian unlocks the library, they are untrusted.</source>
        <translation>Ses lignes ne sont pas encore signées : tant qu’un gardien n’a pas déverrouillé la bibliothèque, elles ne sont pas fiables.</translation>
    </message>
    <message>
        <source>consent</source>
        <translation>consentement</translation>
    </message>
    <message>
        <source>membership</source>
        <translation>appartenance</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <source>audit log</source>
        <translation>journal d’audit</translation>
    </message>
    <message>
        <source>Warning: this library is older than when it was last opened here ({parts}). If no backup was restored, someone put an older copy in its place.</source>
        <translation>Attention : cette bibliothèque est plus ancienne que lors de sa dernière ouverture ici ({parts}). Si aucune sauvegarde n’a été restaurée, quelqu’un a mis une copie plus ancienne à sa place.</translation>
    </message>
    <message>
        <source>kmdesk cannot open the library</source>
        <translation>kmdesk ne peut pas ouvrir la bibliothèque</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <source>File attached</source>
        <translation>Fichier joint</translation>
    </message>
    <message>
        <source>File removed</source>
        <translation>Fichier retiré</translation>
    </message>
    <message>
        <source>Community added</source>
        <translation>Communauté ajoutée</translation>
    </message>
    <message>
        <source>Consent recorded</source>
        <translation>Consentement enregistré</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Consentement retiré</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Hub labels imported</source>
        <translation>Étiquettes du Hub importées</translation>
    </message>
    <message>
        <source>Member added</source>
        <translation>Membre ajouté</translation>
    </message>
    <message>
        <source>Member removed</source>
        <translation>Membre retiré</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>Phrase secrète changée</translation>
    </message>
    <message>
        <source>Profile created</source>
        <translation>Profil créé</translation>
    </message>
    <message>
        <source>Protocol added</source>
        <translation>Protocole ajouté</translation>
    </message>
    <message>
        <source>Selected for sharing</source>
        <translation>Choisi pour le partage</translation>
    </message>
    <message>
        <source>Sharing stopped</source>
        <translation>Partage arrêté</translation>
    </message>
    <message>
        <source>Sync target added</source>
        <translation>Cible de synchronisation ajoutée</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Déverrouillé</translation>
    </message>
    <message>
        <source>Unlock refused</source>
        <translation>Déverrouillage refusé</translation>
    </message>
    <message>
        <source>Protected record read</source>
        <translation>Fiche protégée lue</translation>
    </message>
    <message>
        <source>Protected file opened</source>
        <translation>Fichier protégé ouvert</translation>
    </message>
    <message>
        <source>Sent to the target</source>
        <translation>Envoyé à la cible</translation>
    </message>
    <message>
        <source>Taken down from the target</source>
        <translation>Retiré de la cible</translation>
    </message>
    <message>
        <source>Refused by the target</source>
        <translation>Refusé par la cible</translation>
    </message>
    <message>
        <source>Access changed</source>
        <translation>Accès modifié</translation>
    </message>
    <message>
        <source>Consent attested</source>
        <translation>Consentement attesté</translation>
    </message>
    <message>
        <source>Consent imported</source>
        <translation>Consentement importé</translation>
    </message>
    <message>
        <source>Damaged text repaired</source>
        <translation>Texte endommagé réparé</translation>
    </message>
    <message>
        <source>Sync target changed</source>
        <translation>Cible de synchronisation modifiée</translation>
    </message>
    <message>
        <source>Sync target removed</source>
        <translation>Cible de synchronisation supprimée</translation>
    </message>
    <message>
        <source>Library file protection upgraded</source>
        <translation>Protection du fichier de la bibliothèque renforcée</translation>
    </message>
    <message>
        <source>Joined a community hub</source>
        <translation>Hub communautaire rejoint</translation>
    </message>
    <message>
        <source>Synced with the community hub</source>
        <translation>Synchronisé avec le hub communautaire</translation>
    </message>
    <message>
        <source>Restored from the trash</source>
        <translation>Restaurée depuis la corbeille</translation>
    </message>
    <message>
        <source>Forgotten for good (trash emptied)</source>
        <translation>Oubliée définitivement (corbeille vidée)</translation>
    </message>
    <message>
        <source>Sync credentials (held by custodians)</source>
        <translation>Identifiants de synchronisation (détenus par les gardiens)</translation>
    </message>
    <message>
        <source>roles</source>
        <translation>rôles</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>profil</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>type</translation>
    </message>
    <message>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <source>access</source>
        <translation>accès</translation>
    </message>
    <message>
        <source>target</source>
        <translation>cible</translation>
    </message>
    <message>
        <source>to do</source>
        <translation>à faire</translation>
    </message>
    <message>
        <source>count</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <source>records</source>
        <translation>fiches</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>raison</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>protocol</source>
        <translation>protocole</translation>
    </message>
    <message>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>portée</translation>
    </message>
    <message>
        <source>files</source>
        <translation>fichiers</translation>
    </message>
    <message>
        <source>a protected record</source>
        <translation>une fiche protégée</translation>
    </message>
</context>
<context>
    <name>date</name>
    <message>
        <source>{month} {year}</source>
        <translation>{month} {year}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Delete record</source>
        <translation>Supprimer la fiche</translation>
    </message>
    <message>
        <source>Delete “{title}”?

The record goes to the trash, where it can be restored until the trash is emptied.</source>
        <translation>Supprimer « {title} » ?

La fiche va dans la corbeille, d’où elle peut être restaurée tant que la corbeille n’est pas vidée.</translation>
    </message>
    <message>
        <source>This library is on a read-only medium: you can read and search it, not change it. Copy its folder to a writable place to change it.</source>
        <translation>Cette bibliothèque est sur un support en lecture seule : vous pouvez la lire et y chercher, pas la modifier. Copiez son dossier dans un emplacement accessible en écriture pour la modifier.</translation>
    </message>
    <message>
        <source>It is no longer there: it may have been deleted or moved.</source>
        <translation>Elle n&apos;est plus là : elle a peut-être été supprimée ou déplacée.</translation>
    </message>
    <message>
        <source>Some of what was entered cannot be saved as it is.</source>
        <translation>Une partie de ce qui a été saisi ne peut pas être enregistrée telle quelle.</translation>
    </message>
    <message>
        <source>This record comes from the CHM and is read-only here: the next pull brings its changes.</source>
        <translation>Cette fiche vient du Centre d&apos;échange et est en lecture seule ici : la prochaine récupération apporte ses modifications.</translation>
    </message>
    <message>
        <source>You do not have permission to do this.</source>
        <translation>Vous n&apos;avez pas la permission de faire cela.</translation>
    </message>
    <message>
        <source>The library could not complete this change.</source>
        <translation>La bibliothèque n&apos;a pas pu effectuer cette modification.</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was changed.</source>
        <translation>Annulé. Rien n&apos;a été modifié.</translation>
    </message>
    <message>
        <source>Something went wrong.</source>
        <translation>Un problème est survenu.</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>Change {field}</source>
        <translation>Modifier {field}</translation>
    </message>
    <message>
        <source>Add language {tag}</source>
        <translation>Ajouter la langue {tag}</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>row {row}</source>
        <translation>ligne {row}</translation>
    </message>
    <message>
        <source>rows {row}–{last}</source>
        <translation>lignes {row} à {last}</translation>
    </message>
    <message>
        <source>sheet “{sheet}” row {row}</source>
        <translation>feuille « {sheet} », ligne {row}</translation>
    </message>
    <message>
        <source>entry {entry} (line {line})</source>
        <translation>entrée {entry} (ligne {line})</translation>
    </message>
    <message>
        <source>entry {entry} “{key}” (line {line})</source>
        <translation>entrée {entry} « {key} » (ligne {line})</translation>
    </message>
    <message>
        <source>@string (line {line})</source>
        <translation>@string (ligne {line})</translation>
    </message>
    <message>
        <source>line {line}</source>
        <translation>ligne {line}</translation>
    </message>
    <message>
        <source>document {document}</source>
        <translation>document {document}</translation>
    </message>
    <message>
        <source>document {document} ({identifier})</source>
        <translation>document {document} ({identifier})</translation>
    </message>
    <message>
        <source>record {record}</source>
        <translation>fiche {record}</translation>
    </message>
    <message>
        <source>sealed record {record}</source>
        <translation>fiche scellée {record}</translation>
    </message>
    <message>
        <source>line {line}: not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8</source>
        <translation>ligne {line} : UTF-8 non valide (octet 0x{byte} au caractère {at}) ; enregistrez le fichier en UTF-8</translation>
    </message>
    <message>
        <source>not valid UTF-8 (byte 0x{byte} at character {at}); save the file as UTF-8</source>
        <translation>UTF-8 non valide (octet 0x{byte} au caractère {at}) ; enregistrez le fichier en UTF-8</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found} (a quote is probably left open)</source>
        <translation>{expected} cellules attendues, {found} trouvées (un guillemet est sans doute resté ouvert)</translation>
    </message>
    <message>
        <source>expected {expected} cells, found {found} (check the quotes and separators)</source>
        <translation>{expected} cellules attendues, {found} trouvées (vérifiez les guillemets et les séparateurs)</translation>
    </message>
    <message>
        <source>not valid {encoding} (byte 0x{byte} at position {at}); save the file as UTF-8</source>
        <translation>{encoding} non valide (octet 0x{byte} à la position {at}) ; enregistrez le fichier en UTF-8</translation>
    </message>
    <message>
        <source>a line longer than {limit_mb} MB (the limit)</source>
        <translation>une ligne de plus de {limit_mb} Mo (la limite)</translation>
    </message>
    <message>
        <source>cannot be read as CSV; check the quotes ({detail})</source>
        <translation>illisible en CSV ; vérifiez les guillemets ({detail})</translation>
    </message>
    <message>
        <source>a cell cannot be read ({detail}); this row and the rest of the sheet were not read</source>
        <translation>une cellule est illisible ({detail}) ; cette ligne et le reste de la feuille n’ont pas été lus</translation>
    </message>
    <message>
        <source>{count} value(s) in columns without a name in row 1</source>
        <translation>{count} valeur(s) dans des colonnes sans nom en ligne 1</translation>
    </message>
    <message>
        <source>the macro was refused and not defined ({detail})</source>
        <translation>la macro a été refusée et n’est pas définie ({detail})</translation>
    </message>
    <message>
        <source>expected “@type{{key,” after “@”</source>
        <translation>« @type{{key, » attendu après « @ »</translation>
    </message>
    <message>
        <source>the entry cannot be read and was skipped ({detail})</source>
        <translation>l’entrée est illisible et a été ignorée ({detail})</translation>
    </message>
    <message>
        <source>line {line}: the {tag} value is longer than {limit_kb} KB (the limit); the entry was not imported</source>
        <translation>ligne {line} : la valeur {tag} dépasse {limit_kb} Ko (la limite) ; l’entrée n’a pas été importée</translation>
    </message>
    <message>
        <source>no RIS entry found (an entry starts with “TY  - ”)</source>
        <translation>aucune entrée RIS trouvée (une entrée commence par « TY  - »)</translation>
    </message>
    <message>
        <source>not a CHM resource document (its schema is “{schema}”)</source>
        <translation>pas un document « ressource » du CHM (son schéma est « {schema} »)</translation>
    </message>
    <message>
        <source>the document has an unexpected shape ({detail})</source>
        <translation>le document a une forme inattendue ({detail})</translation>
    </message>
    <message>
        <source>sealed for transfer: give the archive passphrase to import it</source>
        <translation>scellée pour le transfert : donnez la phrase secrète de l’archive pour l’importer</translation>
    </message>
    <message>
        <source>the sealed envelope has an unexpected shape</source>
        <translation>l’enveloppe scellée a une forme inattendue</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same identifier)</source>
        <translation>doublon de {existing} (même identifiant)</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same DOI {doi})</source>
        <translation>doublon de {existing} (même DOI {doi})</translation>
    </message>
    <message>
        <source>duplicate of {existing} (the same title and year)</source>
        <translation>doublon de {existing} (même titre, même année)</translation>
    </message>
    <message>
        <source>duplicate of {existing} (a nearly identical title, the same year)</source>
        <translation>doublon de {existing} (titre presque identique, même année)</translation>
    </message>
    <message>
        <source>{field} cannot be imported as it is ({detail})</source>
        <translation>{field} ne peut pas être importé tel quel ({detail})</translation>
    </message>
    <message>
        <source>would be merged into {existing}</source>
        <translation>serait fusionnée avec {existing}</translation>
    </message>
    <message>
        <source>merged with {existing}</source>
        <translation>fusionnée avec {existing}</translation>
    </message>
    <message>
        <source>a record with this identifier is already in the library</source>
        <translation>une fiche avec cet identifiant est déjà dans la bibliothèque</translation>
    </message>
    <message>
        <source>the library refused it ({detail})</source>
        <translation>la bibliothèque l’a refusée ({detail})</translation>
    </message>
    <message>
        <source>no ER line before the next entry (line {line})</source>
        <translation>pas de ligne ER avant l’entrée suivante (ligne {line})</translation>
    </message>
    <message>
        <source>text outside any entry ignored on line(s) {lines}</source>
        <translation>texte hors de toute entrée ignoré, ligne(s) {lines}</translation>
    </message>
    <message>
        <source>unknown tag {tag} (line {line}) ignored</source>
        <translation>balise inconnue {tag} (ligne {line}) ignorée</translation>
    </message>
    <message>
        <source>the file ended without an ER line</source>
        <translation>le fichier se termine sans ligne ER</translation>
    </message>
</context>
<context>
    <name>lock_screen</name>
    <message>
        <source>Too short: at least 8 characters.</source>
        <translation>Trop courte : au moins 8 caractères.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Robuste.</translation>
    </message>
    <message>
        <source>Good. A few more words make it stronger.</source>
        <translation>Bonne. Quelques mots de plus la rendront plus robuste.</translation>
    </message>
    <message>
        <source>Weak: use several words, 16 characters or more.</source>
        <translation>Faible : utilisez plusieurs mots, 16 caractères ou plus.</translation>
    </message>
</context>
<context>
    <name>match</name>
    <message>
        <source>both about {terms}</source>
        <translation>traitent tous deux de {terms}</translation>
    </message>
    <message>
        <source>same target {targets}</source>
        <translation>même cible {targets}</translation>
    </message>
    <message>
        <source>same subject: {subjects}</source>
        <translation>même thème : {subjects}</translation>
    </message>
    <message>
        <source>same country: {countries}</source>
        <translation>même pays : {countries}</translation>
    </message>
    <message>
        <source>speaks {languages}</source>
        <translation>parle {languages}</translation>
    </message>
    <message>
        <source>shares the words {words}</source>
        <translation>partage les mots {words}</translation>
    </message>
</context>
<context>
    <name>report</name>
    <message>
        <source>GBF report: target {number}</source>
        <translation>Rapport sur le Cadre : cible {number}</translation>
    </message>
    <message>
        <source>GBF report</source>
        <translation>Rapport sur le Cadre</translation>
    </message>
    <message>
        <source>Target {number}: {title}</source>
        <translation>Cible {number} : {title}</translation>
    </message>
    <message>
        <source>Shared with the CHM</source>
        <translation>Partagées avec le Centre d&apos;échange</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>En attente d&apos;envoi</translation>
    </message>
    <message>
        <source>Refused by the CHM</source>
        <translation>Refusées par le Centre d&apos;échange</translation>
    </message>
    <message>
        <source>Withdrawn from the CHM</source>
        <translation>Retirées du Centre d&apos;échange</translation>
    </message>
    <message>
        <source>Consent valid</source>
        <translation>Consentement valide</translation>
    </message>
    <message>
        <source>Library {library}, {date}. {records} public records; {covered} of {targets} targets covered. Records that are not public are never part of this report.</source>
        <translation>Bibliothèque {library}, {date}. {records} fiches publiques ; {covered} cibles sur {targets} couvertes. Les fiches qui ne sont pas publiques ne figurent jamais dans ce rapport.</translation>
    </message>
    <message>
        <source> · </source>
        <comment>separates a record&apos;s type, community and date</comment>
        <translation> · </translation>
    </message>
    <message>
        <source>Consent expiring within {days} days</source>
        <translation>Consentement expirant dans les {days} jours</translation>
    </message>
    <message>
        <source>Consent expired</source>
        <translation>Consentement expiré</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Consentement retiré</translation>
    </message>
    <message>
        <source>Contributions of communities</source>
        <translation>Contributions des communautés</translation>
    </message>
    <message>
        <source>Countries</source>
        <translation>Pays</translation>
    </message>
    <message>
        <source>Sharing with the CHM</source>
        <translation>Partage avec le Centre d&apos;échange</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>Coverage per target</source>
        <translation>Couverture par cible</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <source>Public records</source>
        <translation>Fiches publiques</translation>
    </message>
    <message>
        <source>On the CHM:</source>
        <translation>Au Centre d&apos;échange :</translation>
    </message>
    <message>
        <source>No public record covers this target yet.</source>
        <translation>Aucune fiche publique ne couvre encore cette cible.</translation>
    </message>
    <message>
        <source>Reasons for refusals</source>
        <translation>Motifs des refus</translation>
    </message>
    <message>
        <source>No font on this system draws {scripts}: the PDF would show empty boxes, so it was not written. Install fonts for it (e.g. {packages}) or write the report as HTML or Markdown.</source>
        <translation>Aucune police de ce système ne dessine {scripts} : le PDF afficherait des carrés vides, il n&apos;a donc pas été écrit. Installez des polices pour cela (par ex. {packages}) ou écrivez le rapport en HTML ou en Markdown.</translation>
    </message>
</context>
<context>
    <name>trash</name>
    <message>
        <source>Empty trash</source>
        <translation>Vider la corbeille</translation>
    </message>
    <message>
        <source>Forget every deleted record you may remove, with its files?

This cannot be undone.</source>
        <translation>Oublier chaque fiche supprimée que vous pouvez retirer, avec ses fichiers ?

Impossible à annuler.</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <source>edit of “{title}”</source>
        <translation>modification de « {title} »</translation>
    </message>
</context>
</TS>
