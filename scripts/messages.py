# Generates public/_locales/{en,fr}/messages.json from one table, so both languages keep the same keys and
# placeholders. Run: python3 scripts/messages.py
import json, re, os
M = {}
def m(key, en, fr):
    M[key] = (en, fr)

m('extName', 'Partner Risk Lens', 'Partner Risk Lens')
m('extDescription', 'Customer risk, onboarding checklist, receivables and budgets for Microsoft CSP partners, in Partner Center.', 'Risque client, intégration, créances et budgets pour les partenaires CSP Microsoft, dans l’Espace partenaires.')
# common
m('save', 'Save', 'Enregistrer'); m('cancel', 'Cancel', 'Annuler'); m('loading', 'Loading…', 'Chargement…')
m('yes', 'Yes', 'Oui'); m('no', 'No', 'Non'); m('name_not_set', 'name not set', 'nom non renseigné')
m('customer_unnamed', 'Customer (name not known yet)', 'Client (nom pas encore connu)')
# levels
for k, en, fr in [('low','Low','Faible'),('medium','Medium','Moyen'),('high','High','Élevé'),('critical','Critical','Critique')]:
    m(f'level_{k}', en, fr)
# panel
m('panel_title', 'Partner Risk Lens', 'Partner Risk Lens')
m('panel_error', 'Something went wrong: {1}', 'Un problème est survenu : {1}')
m('panel_unknown_customer', 'This customer is not in your imported data yet: the score uses only what the panel knows. Import your customers and receivables on the options page.', 'Ce client n’est pas encore dans vos données importées : le score n’utilise que ce que le panneau connaît. Importez vos clients et créances dans la page d’options.')
m('score_title', 'Risk score', 'Score de risque')
m('score_capped', 'Points before the cap of 100: {1}', 'Points avant le plafond de 100 : {1}')
m('score_no_factors', 'No risk signal found.', 'Aucun signal de risque.')
m('score_no_subscription_data', 'No subscription data: signals that need it (purchases soon after creation, services before first payment) score nothing. Import subscriptions to include them.', 'Aucune donnée d’abonnement : les signaux qui en dépendent (achats rapides après la création, services avant le premier paiement) ne comptent pas. Importez les abonnements pour les inclure.')
# guidance
m('guidance_theft_of_service', 'Guidance: theft of service', 'Recommandation : vol de service')
m('guidance_transaction_risk', 'Guidance: transaction risk', 'Recommandation : risque lié aux transactions')
m('guidance_abuse_of_service', 'Guidance: abuse of service', 'Recommandation : utilisation abusive du service')
m('guidance_account_management', 'Guidance: account management', 'Recommandation : gestion du compte')
# factor names
for k, en, fr in [
 ('prepaid_card','Prepaid or stored-value card','Carte prépayée ou à valeur stockée'),
 ('card_not_present','Card not present','Carte non présente'),
 ('no_prepayment','No pre-payment','Pas de prépaiement'),
 ('provisioned_before_payment','Provisioned before first payment','Services avant le premier paiement'),
 ('overdue','Overdue balance','Solde en retard'),
 ('unverified_identity','Identity checks not done','Vérifications d’identité non faites'),
 ('high_risk_region','High-risk region','Région à haut risque'),
 ('fast_purchasing','Fast purchasing on a new account','Achats rapides sur un nouveau compte'),
 ('abuse_flag','Abuse flag','Signalement d’abus'),
 ('microsoft_notice','Microsoft notice','Notification Microsoft'),
 ('microsoft_alert','Microsoft security alert','Alerte de sécurité Microsoft'),
 ('confirmed_fraud','Confirmed fraud','Fraude confirmée'),
 ('spend_spike','Spend spike','Pic de dépenses'),
 ('full_admin_unchecked','Full admin access, checklist incomplete','Accès administrateur complet, liste incomplète'),
 ('no_budget','No spending budget','Pas de budget de dépenses'),
 ('activity_log_review','Activity logs not reviewed','Journaux d’activité non examinés')]:
    m(f'factor_name_{k}', en, fr)
# factor descriptions
m('factor_prepaid_card', 'Pays by prepaid or stored-value card: a high-risk payment instrument.', 'Paie par carte prépayée ou à valeur stockée : un moyen de paiement à haut risque.')
m('factor_card_not_present', 'Pays by card, not present: card-not-present transactions carry fraud risk.', 'Paie par carte sans présentation physique : ces transactions comportent un risque de fraude.')
m('factor_no_prepayment', 'No pre-payment was received before the first transactions.', 'Aucun prépaiement reçu avant les premières transactions.')
m('factor_provisioned_before_payment_dated', 'First subscription created on {1}, before the first payment on {2}.', 'Premier abonnement créé le {1}, avant le premier paiement du {2}.')
m('factor_provisioned_before_payment_none', '{1} subscription(s) provisioned and no first payment recorded yet.', '{1} abonnement(s) en service et aucun premier paiement enregistré.')
m('factor_overdue', '{1} days past due, {2} ({3} invoice(s) overdue).', '{1} jours de retard, {2} ({3} facture(s) en retard).')
m('factor_unverified_identity', '{1} identity check(s) not done: {2}.', '{1} vérification(s) d’identité non faite(s) : {2}.')
m('factor_high_risk_region_black', 'Country {1} is on the FATF list of high-risk jurisdictions (list of {2}).', 'Le pays {1} figure sur la liste GAFI des juridictions à haut risque (liste du {2}).')
m('factor_high_risk_region_grey', 'Country {1} is on the FATF list of jurisdictions under increased monitoring (list of {2}).', 'Le pays {1} figure sur la liste GAFI des juridictions sous surveillance renforcée (liste du {2}).')
m('factor_fast_purchasing', '{1} subscriptions within {2} days of creation, on an account {3} days old: the mark of automated sign-up and purchase.', '{1} abonnements dans les {2} jours suivant la création, sur un compte de {3} jours : la marque d’une inscription et d’achats automatisés.')
m('factor_abuse_flag', '{1} open abuse flag(s): {2}.', '{1} signalement(s) d’abus ouvert(s) : {2}.')
m('factor_microsoft_notice', '{1} unresolved Microsoft notice(s).', '{1} notification(s) Microsoft non résolue(s).')
m('factor_microsoft_alert', 'Unresolved Microsoft security alert “{1}” ({2}).', 'Alerte de sécurité Microsoft non résolue « {1} » ({2}).')
m('factor_microsoft_alert_severity', 'Unresolved Microsoft security alert “{1}” ({2}, severity {3}).', 'Alerte de sécurité Microsoft non résolue « {1} » ({2}, gravité {3}).')
m('factor_alert_open_for', 'Open for {1} h; Microsoft asks for a response within 24 h.', 'Ouverte depuis {1} h ; Microsoft demande une réponse sous 24 h.')
m('factor_confirmed_fraud', '{1} alert(s) resolved as fraud on this customer.', '{1} alerte(s) résolue(s) comme fraude pour ce client.')
m('factor_spend_spike', 'Daily spend is {1}× the average of the three months before (spike at {2}×): a mark of crypto mining.', 'La dépense quotidienne vaut {1}× la moyenne des trois mois précédents (seuil {2}×) : un signe de minage de cryptomonnaie.')
m('factor_full_admin_unchecked', 'Full administrative access while the checklist is incomplete ({1} of {2} done).', 'Accès administrateur complet alors que la liste est incomplète ({1} sur {2} faits).')
m('factor_no_budget', 'Spending is reported but no monthly spending budget is set.', 'Des dépenses sont remontées mais aucun budget mensuel n’est défini.')
m('factor_activity_log_review_never', 'Activity logs have never been reviewed (interval: {1} days).', 'Les journaux d’activité n’ont jamais été examinés (intervalle : {1} jours).')
m('factor_activity_log_review_old', 'Activity logs last reviewed on {1}, {2} days ago (interval: {3} days).', 'Journaux d’activité examinés le {1}, il y a {2} jours (intervalle : {3} jours).')
# flags
for k, en, fr in [('spam','Spam','Spam'),('hacking','Hacking','Piratage'),('ddos','DDoS','DDoS'),('crypto_mining','Crypto mining','Minage de cryptomonnaie'),('malware','Malware','Logiciel malveillant'),('pirated_resale','Resale of pirated subscriptions','Revente d’abonnements piratés'),('microsoft_notice','Microsoft notice','Notification Microsoft'),('other','Other','Autre')]:
    m(f'flag_{k}', en, fr); m(f'flag_kind_{k}', en, fr)
m('flags_title', 'Abuse flags and Microsoft notices', 'Signalements d’abus et notifications Microsoft')
m('flags_none', 'No open flag.', 'Aucun signalement ouvert.')
m('flags_resolved_count', '{1} resolved', '{1} résolu(s)')
m('flag_add', 'Add flag', 'Ajouter un signalement'); m('flag_kind', 'Kind', 'Type'); m('flag_note', 'Note', 'Note'); m('flag_resolve', 'Resolve', 'Résoudre')
# checklist
m('checklist_title', 'Onboarding checklist', 'Liste de contrôle d’intégration')
m('checklist_keys_hint', 'j / k to move, space to tick.', 'j / k pour se déplacer, espace pour cocher.')
m('checklist_due_before_provisioning', '{1} item(s) due before provisioning.', '{1} élément(s) à faire avant la mise en service.')
m('checklist_before_provisioning', 'before provisioning', 'avant la mise en service')
m('checklist_ticked_by', 'Ticked by {1}, {2}', 'Coché par {1}, {2}')
m('checklist_unticked_by', 'Unticked by {1}, {2}', 'Décoché par {1}, {2}')
m('checklist_last_review', 'Last review: {1}', 'Dernier examen : {1}')
m('checklist_note_label', 'Note', 'Note')
m('checklist_add_note', 'Add note', 'Ajouter une note')
m('checklist_edit_note', 'Edit note', 'Modifier la note')
m('checklist_add_note_for', 'Add a note to “{1}”', 'Ajouter une note à « {1} »')
m('phase_onboarding', 'Onboarding', 'Intégration'); m('phase_account', 'Account management', 'Gestion du compte'); m('phase_billing', 'Billing', 'Facturation')
items = [
 ('phone_contact','Personal contact by phone','Contact personnel par téléphone','Build a personal relationship with the customer, for example by phone.','Établir une relation personnelle avec le client, par exemple par téléphone.'),
 ('background_check','Credentials and background verified','Références et antécédents vérifiés','Verify credentials and background with a credit bureau or business report agency.','Vérifier les références et antécédents auprès d’un bureau de crédit ou d’une agence de renseignements commerciaux.'),
 ('sms_verification','SMS verification at sign-up','Vérification par SMS à l’inscription','Use SMS verification at sign-up against robotic account creation.','Utiliser la vérification par SMS à l’inscription contre la création automatisée de comptes.'),
 ('digital_identity','Identity checked with a digital identity service','Identité vérifiée par un service d’identité numérique','Check the customer’s identity with a digital identity service.','Vérifier l’identité du client avec un service d’identité numérique.'),
 ('card_fraud_check','Card fraud screening and financial strength','Contrôle anti-fraude de la carte et solidité financière','Use rigorous card-fraud detection to assess financial strength.','Utiliser une détection rigoureuse de la fraude à la carte pour évaluer la solidité financière.'),
 ('collections_policy','Collections policy shared','Politique de recouvrement communiquée','Share a clear collections policy, including when access is suspended for non-payment.','Communiquer une politique de recouvrement claire, y compris la suspension en cas de non-paiement.'),
 ('usage_thresholds','Usage needs and monitoring thresholds agreed','Besoins d’utilisation et seuils de surveillance convenus','Understand usage needs and set monitoring thresholds.','Comprendre les besoins d’utilisation et définir des seuils de surveillance.'),
 ('spending_budget','Monthly spending budget set in Partner Center','Budget de dépenses mensuel défini dans l’Espace partenaires','Set a monthly Azure spending budget for the customer in Partner Center.','Définir un budget de dépenses Azure mensuel pour le client dans l’Espace partenaires.'),
 ('activity_log_review','Activity logs reviewed','Journaux d’activité examinés','Monitor the customer’s activity logs regularly.','Surveiller régulièrement les journaux d’activité du client.'),
 ('admin_access_controls','No full admin access before risk controls','Pas d’accès administrateur complet avant les contrôles de risque','Do not grant full administrative access before risk controls are in place.','Ne pas accorder d’accès administrateur complet avant la mise en place des contrôles de risque.'),
 ('microsoft_notices','Process for Microsoft notifications','Processus pour les notifications Microsoft','Have a process to receive, review, act on and respond to Microsoft notifications quickly.','Disposer d’un processus pour recevoir, examiner et traiter rapidement les notifications Microsoft.'),
 ('prepayment','Pre-payment requested','Prépaiement demandé','Request pre-payment before initial transactions.','Demander un prépaiement avant les premières transactions.'),
 ('payment_instrument','No high-risk payment instrument','Aucun moyen de paiement à haut risque','Refuse high-risk payment instruments such as prepaid or stored-value cards.','Refuser les moyens de paiement à haut risque comme les cartes prépayées ou à valeur stockée.'),
 ('dunning','Payments monitored, dunning enforced','Paiements suivis, relances appliquées','Monitor payments and aging receivables, and enforce dunning.','Suivre les paiements et l’ancienneté des créances, et appliquer les relances.'),
]
for k, en, fr, gen, gfr in items:
    m(f'checklist_item_{k}', en, fr); m(f'checklist_guidance_{k}', gen, gfr)
m('staff_name_prompt', 'Your tick was kept. Who is ticking? Your name is recorded on every tick.', 'Votre coche est conservée. Qui coche ? Votre nom est enregistré à chaque coche.')
# account
m('account_title', 'Receivables and budget', 'Créances et budget')
m('receivables_none', 'No open invoice.', 'Aucune facture ouverte.')
m('receivables_overdue', 'Overdue: {1}, oldest {2} days past due', 'En retard : {1}, la plus ancienne de {2} jours')
m('receivables_open_not_due', 'Open, not yet due: {1}', 'Ouvert, pas encore échu : {1}')
m('receivables_aging', 'Aging of open invoices', 'Ancienneté des factures ouvertes')
for k, en, fr in [('current','Not yet due','Non échu'),('1_30','1–30 days','1 à 30 jours'),('31_60','31–60 days','31 à 60 jours'),('61_90','61–90 days','61 à 90 jours'),('91_','Over 90 days','Plus de 90 jours')]:
    m(f'bucket_{k}', en, fr)
for k, en, fr in [('none','No dunning yet','Pas encore de relance'),('first_reminder','First reminder','Premier rappel'),('second_reminder','Second reminder','Deuxième rappel'),('final_notice','Final notice','Mise en demeure'),('suspension','Suspension recommended','Suspension recommandée')]:
    m(f'dunning_{k}', en, fr)
m('dunning_next', 'next: {1} in {2} day(s)', 'ensuite : {1} dans {2} jour(s)')
m('budget_title', 'Spending budget', 'Budget de dépenses')
for k, en, fr in [('breached','Breached','Dépassé'),('approaching','Approaching','Proche'),('forecast','Forecast to exceed','Dépassement prévu'),('ok','Within budget','Dans le budget'),('no_budget','No budget set','Aucun budget défini'),('stale','No data this month','Pas de données ce mois-ci'),('no_data','No spending data','Aucune donnée de dépense')]:
    m(f'budget_state_{k}', en, fr)
m('budget_utilization', '{1} % used', '{1} % utilisés')
m('budget_detail', '{1} spent of {2}, as of {3}', '{1} dépensés sur {2}, au {3}')
m('budget_projected', 'projected month end {1}', 'fin de mois prévue {1}')
m('budget_spike', 'Spend spike: daily spend far above earlier months.', 'Pic de dépenses : dépense quotidienne très au-dessus des mois précédents.')
m('budget_spike_short', 'spike', 'pic')
# facts
m('facts_title', 'Customer facts', 'Informations client')
m('facts_payment_instrument', 'Payment instrument', 'Moyen de paiement')
m('facts_prepaid', 'Pre-payment received', 'Prépaiement reçu')
m('facts_admin_access', 'Admin access', 'Accès administrateur')
m('fact_unknown', 'Unknown', 'Inconnu')
for k, en, fr in [('invoice','Invoice','Facture'),('bank_transfer','Bank transfer','Virement bancaire'),('direct_debit','Direct debit','Prélèvement'),('card','Card','Carte'),('prepaid_card','Prepaid card','Carte prépayée'),('unknown','Unknown','Inconnu')]:
    m(f'instrument_{k}', en, fr)
for k, en, fr in [('none','None','Aucun'),('limited','Limited','Limité'),('full','Full','Complet')]:
    m(f'access_{k}', en, fr)
# subscription warnings
m('sub_title', 'This subscription', 'Cet abonnement')
m('sub_no_warnings', 'No warning for this subscription.', 'Aucun avertissement pour cet abonnement.')
m('sub_unknown', 'This subscription is not in your imported data.', 'Cet abonnement n’est pas dans vos données importées.')
m('sub_provisioned_before_payment', 'Provisioned before the customer’s first payment.', 'Mis en service avant le premier paiement du client.')
m('sub_overdue_past_suspension', 'The customer is {1} days past due: past the suspension stage of your dunning policy.', 'Le client a {1} jours de retard : au-delà de l’étape de suspension de votre politique de relance.')
m('sub_suspend_hint', 'Suspend it on this page in Partner Center (Suspend subscription).', 'Suspendez-le sur cette page de l’Espace partenaires (Suspendre l’abonnement).')
# alerts
m('alerts_title', 'Microsoft security alerts', 'Alertes de sécurité Microsoft')
m('alert_detected', 'Detected {1}', 'Détectée le {1}')
m('alert_severity', 'Severity: {1}', 'Gravité : {1}')
m('alert_time_left', '{1} left to respond', '{1} restant(es) pour répondre')
m('alert_past_due', 'Response {1} past due', 'Réponse en retard de {1}')
for k, en, fr in [('active','Active','Active'),('investigating','Investigating','En cours d’examen'),('resolved','Resolved','Résolue')]:
    m(f'alert_status_{k}', en, fr)
for k, en, fr in [('legitimate','legitimate','légitime'),('ignore','ignore','à ignorer'),('fraud','fraud','fraude')]:
    m(f'alert_reason_{k}', en, fr)
m('alert_status_microsoft', 'Microsoft: {1}', 'Microsoft : {1}')
m('alert_staff_investigating', 'Investigating ({1}, {2})', 'En cours d’examen ({1}, {2})')
m('alert_staff_resolved', 'Resolved as {1} ({2}, {3})', 'Résolue comme {1} ({2}, {3})')
m('alert_mark_investigating', 'Investigating', 'En cours d’examen')
m('alert_resolve_as', 'Resolve: {1}', 'Résoudre : {1}')
m('alert_note_label', 'Note', 'Note')
m('alert_resolve_in_portal', 'Resolve it in Partner Center too, so that Microsoft is answered.', 'Résolvez-la aussi dans l’Espace partenaires, pour que Microsoft ait une réponse.')
m('alerts_stats', 'Last 30 days: {1} alert(s) resolved, average response {2}, {3} over 24 h.', '30 derniers jours : {1} alerte(s) résolue(s), réponse moyenne {2}, {3} au-delà de 24 h.')
m('alerts_stats_none', 'No alert resolved in the last 30 days.', 'Aucune alerte résolue ces 30 derniers jours.')
m('duration_days_hours', '{1} d {2} h', '{1} j {2} h')
m('duration_hours_minutes', '{1} h {2} min', '{1} h {2} min')
m('duration_minutes', '{1} min', '{1} min')
# badge
m('badge_title', 'Risk {1}, score {2}', 'Risque {1}, score {2}')
m('badge_overdue', 'overdue', 'en retard')
# popup
m('popup_options', 'Options', 'Options')
m('popup_open_options', 'Open the options page', 'Ouvrir la page d’options')
m('popup_empty_no_data', 'No data yet. Import your customers and receivables on the options page.', 'Aucune donnée. Importez vos clients et créances dans la page d’options.')
m('popup_receivables_stale', 'Receivables were last imported {1} days ago: import them again.', 'Les créances ont été importées il y a {1} jours : importez-les à nouveau.')
m('popup_search', 'Search name, domain or tenant ID', 'Rechercher un nom, domaine ou ID de locataire')
m('popup_filter', 'Filter', 'Filtrer'); m('popup_filter_all', 'All', 'Tous')
m('popup_lists', 'Triage lists', 'Listes de tri')
m('popup_no_match', 'Nothing matches the search or filter.', 'Rien ne correspond à la recherche ou au filtre.')
for k, en, fr in [('overdue','Overdue','En retard'),('budget','Budget','Budget'),('risk','High risk','Risque élevé'),('alerts','Security alerts','Alertes de sécurité'),('snoozed','Snoozed','En veille')]:
    m(f'tab_{k}', en, fr)
m('popup_empty_overdue', 'No overdue account. Import your receivables on the options page to keep this list current.', 'Aucun compte en retard. Importez vos créances dans la page d’options pour tenir cette liste à jour.')
m('popup_empty_budget', 'No budget breached, approaching or forecast to exceed. Import spending snapshots on the options page.', 'Aucun budget dépassé, proche ou en dépassement prévu. Importez les relevés de dépenses dans la page d’options.')
m('popup_empty_risk', 'No customer at high or critical risk.', 'Aucun client à risque élevé ou critique.')
m('popup_empty_alerts', 'No unresolved security alert. Import Microsoft’s fraud events or security alerts on the options page.', 'Aucune alerte de sécurité non résolue. Importez les événements de fraude ou alertes Microsoft dans la page d’options.')
m('popup_empty_snoozed', 'No snoozed customer.', 'Aucun client en veille.')
for k, en, fr in [('overdue_1_30','1–30 days','1 à 30 jours'),('overdue_31_60','31–60 days','31 à 60 jours'),('overdue_61_90','61–90 days','61 à 90 jours'),('overdue_91_','Over 90 days','Plus de 90 jours'),('budget_breached','Breached','Dépassé'),('budget_approaching','Approaching','Proche'),('budget_forecast','Forecast','Prévu'),('risk_critical','Critical','Critique'),('risk_high','High','Élevé'),('alerts_overdue','Past 24 h','Au-delà de 24 h'),('alerts_due','Within 24 h','Sous 24 h')]:
    m(f'filter_{k}', en, fr)
m('popup_days_past_due', '{1} days past due', '{1} jours de retard')
m('popup_acknowledge', 'Acknowledge', 'Prendre en compte')
m('popup_acknowledged', 'Acknowledged', 'Pris en compte')
m('popup_snooze', 'Snooze', 'Mettre en veille')
m('popup_snooze_until', 'Snooze until', 'En veille jusqu’au')
m('popup_snoozed_until', 'Snoozed until {1}', 'En veille jusqu’au {1}')
m('popup_unsnooze', 'Wake', 'Réveiller')
m('popup_last_import', '{1}: imported {2} d ago', '{1} : importé il y a {2} j')
m('popup_budget_coverage', 'Spending budget set for {1} of {2} customers.', 'Budget de dépenses défini pour {1} client(s) sur {2}.')
# options: import
m('options_sections', 'Sections', 'Sections')
m('import_title', 'Import data', 'Importer des données')
m('import_hint', 'CSV or JSON files: Partner Center’s customers export, open invoices from your billing system, spending snapshots, subscriptions, Microsoft’s fraud events or security alerts. Each file is checked before anything is written.', 'Fichiers CSV ou JSON : export des clients de l’Espace partenaires, factures ouvertes de votre système de facturation, relevés de dépenses, abonnements, événements de fraude ou alertes de sécurité Microsoft. Chaque fichier est vérifié avant toute écriture.')
m('import_choose', 'Choose files', 'Choisir des fichiers')
m('import_reading', 'Reading {1}', 'Lecture de {1}')
m('import_preview_of', 'Preview of {1}', 'Aperçu de {1}')
m('import_counts', '{1} rows read, {2} valid', '{1} lignes lues, {2} valides')
m('import_rows_with_errors', '{1} row(s) with errors, skipped if you import', '{1} ligne(s) en erreur, ignorée(s) si vous importez')
m('import_more_errors', 'and {1} more', 'et {1} de plus')
m('import_backup_use_restore', 'This is a Partner Risk Lens backup: restore it in the Backup section, which replaces everything.', 'Ceci est une sauvegarde Partner Risk Lens : restaurez-la dans la section Sauvegarde, qui remplace tout.')
m('import_snapshot', 'This file lists every open invoice as of {1}: close the open invoices it does not list (paid).', 'Ce fichier liste toutes les factures ouvertes au {1} : clôturer celles qu’il ne liste pas (payées).')
m('import_snapshot_closes', '{1} open invoice(s) in your data will be closed.', '{1} facture(s) ouverte(s) de vos données seront clôturée(s).')
m('import_confirm', 'Import {1} rows', 'Importer {1} lignes')
m('import_confirm_valid', 'Import the {1} valid rows (skip {2})', 'Importer les {1} lignes valides (en ignorer {2})')
m('import_writing', 'Writing…', 'Écriture…')
m('import_failed', 'Nothing was imported: {1}', 'Rien n’a été importé : {1}')
m('import_done', 'Import done.', 'Import terminé.')
m('import_result_kind', '{1}: {2} added, {3} updated, {4} unchanged', '{1} : {2} ajouté(s), {3} mis à jour, {4} inchangé(s)')
m('import_result_closed', '{1} open invoice(s) closed (not in the file)', '{1} facture(s) ouverte(s) clôturée(s) (absentes du fichier)')
m('import_result_skipped', '{1} row(s) with errors skipped', '{1} ligne(s) en erreur ignorée(s)')
m('import_never', 'Nothing imported yet.', 'Rien n’a encore été importé.')
m('import_last', '{1} last imported {2}', '{1} : dernier import le {2}')
m('import_receivables_stale', 'Receivables were last imported {1} days ago: import them again.', 'Les créances ont été importées il y a {1} jours : importez-les à nouveau.')
for k, en, fr in [('customers','Customers','Clients'),('invoices','Invoices (receivables)','Factures (créances)'),('spending','Spending snapshots','Relevés de dépenses'),('subscriptions','Subscriptions','Abonnements'),('alerts','Security alerts','Alertes de sécurité'),('backup','Backup','Sauvegarde'),('unknown','Unknown kind','Type inconnu')]:
    m(f'import_kind_{k}', en, fr)
# settings
m('settings_title', 'Settings', 'Paramètres')
m('settings_general', 'General', 'Général')
m('settings_staff_name', 'Your name (recorded on every tick)', 'Votre nom (enregistré à chaque coche)')
m('settings_language', 'Language', 'Langue')
m('settings_language_auto', 'Browser language', 'Langue du navigateur')
m('settings_weights', 'Risk weights (points)', 'Poids des risques (points)')
m('settings_levels', 'Level bands (lowest score of each)', 'Niveaux (score minimal de chacun)')
m('settings_budgets', 'Spending budgets', 'Budgets de dépenses')
m('settings_budget_threshold', 'Approaching at (%)', 'Proche à partir de (%)')
m('settings_spike_factor', 'Spike factor (× earlier run-rate)', 'Facteur de pic (× rythme antérieur)')
m('settings_dunning', 'Dunning policy (days past due)', 'Politique de relance (jours de retard)')
for k, en, fr in [('first','First reminder','Premier rappel'),('second','Second reminder','Deuxième rappel'),('final','Final notice','Mise en demeure'),('suspend','Suspension','Suspension')]:
    m(f'settings_dunning_{k}', en, fr)
m('settings_review_days', 'Activity-log review interval (days)', 'Intervalle d’examen des journaux (jours)')
m('settings_regions', 'High-risk regions', 'Régions à haut risque')
m('settings_regions_black', 'High-risk jurisdictions (ISO codes)', 'Juridictions à haut risque (codes ISO)')
m('settings_regions_grey', 'Jurisdictions under increased monitoring (ISO codes)', 'Juridictions sous surveillance renforcée (codes ISO)')
m('settings_regions_source', 'Source', 'Source')
m('settings_regions_as_of', 'As of', 'En date du')
m('settings_regions_stale', 'This list dates from {1}: the FATF has met since. Check its newest statements and update the list.', 'Cette liste date du {1} : le GAFI s’est réuni depuis. Consultez ses dernières déclarations et mettez la liste à jour.')
m('settings_formats', 'Import formats', 'Formats d’import')
m('settings_date_order', 'Dates like 03/04/2026', 'Dates comme 03/04/2026')
m('settings_date_auto', 'Only when unambiguous', 'Seulement si non ambiguës')
m('settings_decimal', 'Decimal separator', 'Séparateur décimal')
m('settings_decimal_auto', 'Guess from the number', 'Deviner d’après le nombre')
m('settings_saved', 'Settings saved.', 'Paramètres enregistrés.')
m('settings_invalid', 'Not saved: {1}', 'Non enregistré : {1}')
m('settings_reset', 'Reset to defaults', 'Rétablir les valeurs par défaut')
m('settings_reset_confirm', 'Reset every setting to its default? Your staff name is kept.', 'Rétablir tous les paramètres par défaut ? Votre nom est conservé.')
for k, en, fr in [('prepaid_card','Prepaid card','Carte prépayée'),('card_not_present','Card not present','Carte non présente'),('no_prepayment','No pre-payment','Pas de prépaiement'),('provisioned_before_payment','Provisioned before payment','Services avant paiement'),('overdue_1_30','Overdue 1–30 days','Retard 1 à 30 jours'),('overdue_31_60','Overdue 31–60 days','Retard 31 à 60 jours'),('overdue_61_90','Overdue 61–90 days','Retard 61 à 90 jours'),('overdue_91_','Overdue over 90 days','Retard de plus de 90 jours'),('unverified_identity','Each identity check not done','Chaque vérification d’identité non faite'),('high_risk_region_black','High-risk jurisdiction','Juridiction à haut risque'),('high_risk_region_grey','Jurisdiction under monitoring','Juridiction sous surveillance'),('fast_purchasing','Fast purchasing','Achats rapides'),('abuse_flag','Each abuse flag','Chaque signalement d’abus'),('abuse_flag_cap','Abuse flags, at most','Signalements d’abus, au plus'),('microsoft_notice','Each Microsoft notice or alert','Chaque notification ou alerte Microsoft'),('microsoft_notice_cap','Notices and alerts, at most','Notifications et alertes, au plus'),('confirmed_fraud','Confirmed fraud','Fraude confirmée'),('spend_spike','Spend spike','Pic de dépenses'),('full_admin_unchecked','Full admin, checklist incomplete','Admin complet, liste incomplète'),('no_budget','No spending budget','Pas de budget'),('activity_log_review','Activity logs not reviewed','Journaux non examinés')]:
    m(f'weight_{k}', en, fr)
# backup
m('backup_title', 'Backup, restore and reports', 'Sauvegarde, restauration et rapports')
m('backup_export', 'Download a backup of everything', 'Télécharger une sauvegarde complète')
m('backup_restore_choose', 'Restore from a backup file', 'Restaurer depuis un fichier de sauvegarde')
m('backup_nothing', 'nothing', 'rien')
m('backup_warning', 'A backup holds all your data in plain JSON: keep it as safe as an export of your billing system.', 'Une sauvegarde contient toutes vos données en JSON lisible : protégez-la comme un export de votre système de facturation.')
m('restore_will_replace', 'Restoring replaces everything you have now: {1}. This cannot be undone; download a backup first if unsure.', 'La restauration remplace tout ce que vous avez : {1}. C’est irréversible ; téléchargez d’abord une sauvegarde en cas de doute.')
m('restore_brings', 'The file holds {1}, exported {2}.', 'Le fichier contient {1}, exporté le {2}.')
m('restore_confirm', 'Replace everything with this backup', 'Tout remplacer par cette sauvegarde')
m('restore_done', 'Backup restored.', 'Sauvegarde restaurée.')
m('restore_not_json', 'This file is not valid JSON: it is not a Partner Risk Lens backup. Nothing was changed.', 'Ce fichier n’est pas du JSON valide : ce n’est pas une sauvegarde Partner Risk Lens. Rien n’a été modifié.')
for k, en, fr in [('customers','customers','clients'),('subscriptions','subscriptions','abonnements'),('invoices','invoices','factures'),('spending','spending snapshots','relevés de dépenses'),('checklist','checklist entries','éléments de liste'),('checklistHistory','checklist changes','modifications de liste'),('flags','flags','signalements'),('alerts','alerts','alertes'),('triage','triage records','suivis')]:
    m(f'store_{k}', en, fr)
m('export_csv_title', 'Reports (CSV)', 'Rapports (CSV)')
m('export_csv_overdue', 'Overdue accounts', 'Comptes en retard')
m('export_csv_budget', 'Budget states', 'États des budgets')
m('export_csv_risk', 'Risk scores', 'Scores de risque')

NAMES = ['one','two','three','four','five','six']
def entry(text):
    n = sorted(set(int(x) for x in re.findall(r'\{(\d)\}', text)))
    if not n:
        return {'message': text}
    msg = re.sub(r'\{(\d)\}', lambda mm: '$' + 'ARG' + mm.group(1) + '$', text)
    return {'message': msg, 'placeholders': {f'arg{i}': {'content': f'${i}'} for i in n}}

root = os.path.join(os.path.dirname(__file__), '..', 'public', '_locales')
for idx, lang in enumerate(['en', 'fr']):
    out = {k: entry(v[idx]) for k, v in M.items()}
    os.makedirs(os.path.join(root, lang), exist_ok=True)
    with open(os.path.join(root, lang, 'messages.json'), 'w', encoding='utf-8') as f:
        json.dump(out, f, ensure_ascii=False, indent=1)
        f.write('\n')
print(len(M), 'keys')
