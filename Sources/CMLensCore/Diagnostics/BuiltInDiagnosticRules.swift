/// The rules cmlens ships, in the same JSON format as a user's rules file (README.md), so
/// that they are data that reads like a rules file, not code.
///
/// Kept in the binary as text rather than as a SwiftPM resource: on Linux `Bundle.module` stops the
/// program when the resource bundle is not beside the executable (a copied or installed `cmlens`),
/// and the rules must always be there.
public enum BuiltInDiagnosticRules {
    /// Where problems with the built-in rules are reported from.
    public static let origin = "built-in rules"

    /// Parsed once per process: compiling the rules' expressions is most of what a console's
    /// workspace change used to cost.
    public static func load() -> (rules: [DiagnosticRule], problems: [LoadProblem]) { parsed }

    private static let parsed: (rules: [DiagnosticRule], problems: [LoadProblem]) = {
        var (rules, problems) = DiagnosticRuleLoader.parse(json, path: origin)
        for k in rules.indices { rules[k].origin = origin }
        return (rules, problems)
    }()

    public static let json = #"""
{
  "rules": [
    {
      "id": "certificate-store-loop",
      "title": "SMS certificate missing from the store: registration loops",
      "severity": "error",
      "logs": ["ClientIDManagerStartup.log"],
      "patterns": [
        {"name": "retry", "regex": "(?i)failed to (?:find|get) the certificate in the store, retry (?<retry>\\d+)"},
        {"name": "regtask", "regex": "(?i)RegTask: Failed to get certificate\\. Error: (?<error>0x[0-9A-Fa-f]{8})"},
        {"name": "rejected", "regex": "\\[RegTask\\] - Server rejected registration (?<rejection>\\d+)"},
        {"name": "sleeping", "regex": "(?i)Already refreshed within the last \\d+ minutes, Sleeping for the next (?<sleep>\\d+) minutes"},
        {"name": "policySigning", "logs": ["PolicyAgent.log"],
         "regex": "(?i)Failed to get the client certificate to sign the policy request\\. Error (?<policyError>0x[0-9A-Fa-f]{8})"},
        {"name": "waitingRegistration", "logs": ["execmgr.log"],
         "regex": "(?i)Waiting for the client to be registered before processing execution requests"},
        {"name": "restart", "logs": ["execmgr.log"], "nearSeconds": 900,
         "regex": "Execution is complete for program (?<restartProgram>.+)\\. The exit code is -?\\d+, the execution status is SuccessRebootRequired|The user has chosen to restart the computer now"},
        {"name": "registered", "afterTrigger": true, "regex": "(?i)\\[RegTask\\] - Client is (?:already )?registered"}
      ],
      "conditions": [
        {"pattern": "retry", "atLeast": 2, "withinSeconds": 3600},
        {"pattern": "registered", "atMost": 0}
      ],
      "confidence": "likely",
      "corroboration": ["regtask", "rejected", "sleeping", "policySigning", "waitingRegistration"],
      "explanation": "ClientIDManagerStartup cannot find the client's SMS certificate in the machine's certificate store: {count} failed lookups from {first:retry} to {last:retry} (last: retry {retry}; RegTask error {error|not logged}). Without the certificate the client cannot register or sign its policy requests ({count:policySigning} refused policy requests in PolicyAgent.log), so it stops receiving policy and running advertisements. The private key file behind the certificate is most likely corrupt. The field notes found this loop on laptops right after a restart (the last program to ask for one here: {restartProgram|none logged}) and suspected malware, or a user's intervention.",
      "fix": "On the client: stop the SMS Agent Host service (ccmexec: net stop ccmexec); delete the machine key file 19c5cf9c7b5dc9de3e548adb70398402_50e417e0-e461-474b-96e2-077b80325612 from the MachineKeys folder: %ALLUSERSPROFILE%\\Application Data\\Microsoft\\Crypto\\RSA\\MachineKeys on Windows XP and Server 2003, %ProgramData%\\Microsoft\\Crypto\\RSA\\MachineKeys on Vista and later; start the agent again (net start ccmexec). It creates a new certificate and registers. Deleting the SMS certificate in the Certificates console alone does not help. Scan the machine for malware: a corrupt key may be its doing.",
      "reference": "https://github.com/AndersRodland/ConfigMgrClientHealth (ConfigMgr Client Health, Test-CCMCertificateError: the same strings, the same remediation); Field notes, January 2011 (seed-configmgr-2011-01.txt: 'Failed to find the certificate in the store, retry N', fixed by deleting the MachineKeys file); ConfigMgr Client Health script, Test-CCMCertificateError (same strings, same remediation; log-formats.md §3)"
    },
    {
      "id": "updates-no-boundary-in-task-sequence",
      "title": "Install Software Updates hangs: no content location (0x80040669), no boundary for this machine",
      "severity": "error",
      "logs": ["UpdatesHandler.log", "UpdateHandler.log"],
      "patterns": [
        {"name": "failure", "regex": "(?i)(?:error|failed)\\b.*?\\b(?<error>0x80040669)\\b"},
        {"name": "installing", "logs": ["smsts.log"], "regex": "Installing Update (?<update>\\d+) of (?<total>\\d+)"},
        {"name": "step", "logs": ["smsts.log"], "regex": "Instruction name: (?<step>Install Software Updates)"},
        {"name": "noSite", "logs": ["LocationServices.log"],
         "regex": "(?i)Unable to find site for this client(?:.*?IP subnet '(?<subnet>[^']*)')?"},
        {"name": "emptyADSite", "logs": ["LocationServices.log"], "regex": "Current AD site of machine is\\s*$"},
        {"name": "noDistributionPoint", "logs": ["LocationServices.log"],
         "regex": "Content location request for (?<content>\\S+) returned 0 distribution points"},
        {"name": "workgroup", "logs": ["LocationServices.log", "smsts.log", "WUAHandler.log"],
         "regex": "(?i)not (?:joined to|a member of) a domain|Domain joined client is in Intranet = FALSE|Joined workgroup (?<workgroup>\\S+)"},
        {"name": "inventoryWorkgroup", "fact": "inventory.workgroup"},
        {"name": "downloaded", "afterTrigger": true, "regex": "(?i)successfully downloaded|download(?:ed)? (?:completed?|succeeded)"}
      ],
      "conditions": [
        {"pattern": "downloaded", "atMost": 0}
      ],
      "confidence": "likely",
      "corroboration": ["installing", "noSite", "emptyADSite", "noDistributionPoint", "workgroup", "inventoryWorkgroup"],
      "explanation": "The updates handler could not get the update content ({error}, {count} times from {first:failure} to {last:failure}) and never downloaded it afterwards: the client finds no location for the content, so whatever installs the update waits and never times out. smsts.log: {count:installing} 'Installing Update' line(s) of a task sequence (the last: 'Installing Update {update|–} of {total|–}'). LocationServices shows why: {count:noSite} 'Unable to find site for this client', {count:emptyADSite} empty AD site, {count:noDistributionPoint} content location replies without a distribution point, {count:workgroup} lines saying the machine is not in a domain, {count:inventoryWorkgroup} inventory row(s) putting it in a workgroup. A build-and-capture machine is not domain joined, so an Active Directory site boundary can never match it.",
      "fix": "Give the build network an IP address range boundary (subnet {subnet|of the build machine}) instead of relying on an Active Directory site boundary, and make sure a distribution point that holds the software update deployment package serves that boundary. Then run the task sequence again.",
      "reference": "https://learn.microsoft.com/en-us/mem/configmgr/core/servers/deploy/configure/boundary-groups (a client uses the distribution points of the boundary groups its network location falls in); Field notes, January 2011 (seed-configmgr-2011-01.txt: Build and Capture stuck at 'Installing Update 1 of x' with 0x80040669 in UpdatesHandler.log; an AD boundary replaced by an IP range fixed it)"
    },
    {
      "id": "program-retry-loop",
      "confidence": "confirmed",
      "title": "Program failing and retrying: {program}",
      "severity": "warning",
      "groupBy": "request",
      "patterns": [
        {"name": "retrying", "fact": "execution.retrying"}
      ],
      "explanation": "{program} (advertisement {advertisement|?}, package {package|?}) failed with exit code {code} ({meaning|no catalogue entry}), a code the site retries: {attemptsUsed} of at most {maxAttempts} runs used, {attemptsLeft} left. The next run is due about {nextRetry|(the log gives no failure time)}: the retry interval after the failure plus the 5-minute countdown of a mandatory program. Retry policy: {policy}.",
      "fix": "Find out why the program exits with {code}. The retry list holds codes about things outside the command line (another installation running, a network share, access), so the cause is usually on the machine or the network, not in the package; remove it and the next retry succeeds. To stop the retries, remove the advertisement: a request waiting to retry is deleted when the client gets the policy update.",
      "reference": "https://www.catapultsystems.com/blogs/configmgr-and-failed-program-retry/ (Jason Sandys: exit 999 set FailureRetry then WaitingRetry and ran again 15 minutes later; exit 1 set FailureNonRetry; the retry codes and interval live in the site control file); Field notes, January 2011 (seed-configmgr-2011-01.txt: 'exit 999' set FailureRetry then WaitingRetry and ran again 15 minutes later: 600 s interval + 5-minute countdown; Execution Failure Retry Count/Interval/Error Codes in sitectrl.ct0)"
    },
    {
      "id": "program-failed-not-retried",
      "confidence": "confirmed",
      "title": "Program failed for good: {program} (exit code {code})",
      "severity": "error",
      "groupBy": "request",
      "patterns": [
        {"name": "failed", "fact": "execution.failedNonRetry"}
      ],
      "explanation": "{program} (advertisement {advertisement|?}, package {package|?}) failed with exit code {code} ({meaning|no catalogue entry}), which is not in the site's retry list, so ConfigMgr will not run it again by itself. Codes outside the list are failures of the command line itself (a wrong switch, a missing file, a broken installer), which no retry would change. Retry policy: {policy}.",
      "fix": "Run the program's command line by hand on a test machine and correct it, or the package source, then update the distribution points and run the advertisement again (a new mandatory assignment, or rerun the advertisement).",
      "reference": "https://www.catapultsystems.com/blogs/configmgr-and-failed-program-retry/ (exit 1 set FailureNonRetry and was never retried); Field notes, January 2011 (seed-configmgr-2011-01.txt: 'exit 1' set FailureNonRetry and was never retried; only the codes in Execution Failure Retry Error Codes are)"
    },
    {
      "id": "application-unmatched-exit-code",
      "confidence": "confirmed",
      "title": "Application failed: {application} exited {code}, not in its exit-code table",
      "severity": "error",
      "groupBy": "deploymentType",
      "patterns": [
        {"name": "unmatched", "fact": "application.unmatchedExitCode"}
      ],
      "explanation": "The {action|install} command of deployment type {application} (revision {revision|?}) exited with {code} ({meaning|no catalogue entry}). The deployment type's return codes do not list it, so the client counts the run as an execution failure whatever the installer meant. {verdict}",
      "fix": "Find what {code} means for this installer (for Windows Installer, the MSI log with /l*v). If it is a real failure, correct the installer or its command line; if the installer uses the code for success or a restart, add it to the deployment type's Return Codes with that meaning, then redeploy.",
      "reference": "https://learn.microsoft.com/en-us/mem/configmgr/tenant-attach/app-install-error-reference (Microsoft Learn, Application installation common error codes reference; MicrosoftDocs/memdocs memdocs/configmgr/tenant-attach/app-install-error-reference.md), and the AppEnforce.log entry of Log files in Configuration Manager (https://learn.microsoft.com/en-us/mem/configmgr/core/plan-design/hierarchy/log-files): 'Records details about enforcement actions (install and uninstall) taken for applications on the client.'"
    },
    {
      "id": "application-not-detected-after-install",
      "confidence": "confirmed",
      "title": "Application installed but not detected: {application}",
      "severity": "error",
      "groupBy": "deploymentType",
      "patterns": [
        {"name": "notDetected", "fact": "application.notDetectedAfterInstall"}
      ],
      "explanation": "The install command of deployment type {application} (revision {revision|?}) ended with an exit code its table takes as success, but the detection method run afterwards did not find the application, so the client reports {code}, the application was not detected after installation completed. {verdict}",
      "fix": "Compare what the installer really put on the machine (product code, file and version, registry value) with the deployment type's detection method, and correct the one that is wrong; AppDiscovery.log shows what detection looked for. Redeploy once detection finds a manual install.",
      "reference": "https://learn.microsoft.com/en-us/mem/configmgr/tenant-attach/app-install-error-reference (Microsoft Learn, Application installation common error codes reference: 0x87D00324, 'The application was not detected after installation completed'; review AppDiscovery.log and CIAgent.log)"
    },
    {
      "id": "task-sequence-step-failed",
      "confidence": "confirmed",
      "title": "Task sequence failed at step \"{step}\" ({code|no error code})",
      "severity": "error",
      "groupBy": "run",
      "patterns": [
        {"name": "failed", "fact": "taskSequence.stepFailed"}
      ],
      "explanation": "Task sequence {taskSequence} stopped at step \"{step}\": {text}. Error {code|?} ({meaning|no catalogue entry}); group {group|(none named)} aborted. {verdict}",
      "fix": "Open smsts.log at the failing step: the lines just before it show the step's command line and its own log. Correct what the step runs (a package, a driver, an application, a script), or, if the step may fail without harm, set it to continue on error; then run the task sequence again.",
      "reference": "https://learn.microsoft.com/en-us/mem/configmgr/core/plan-design/hierarchy/log-files (Microsoft Learn, Log files in Configuration Manager, OS deployment; MicrosoftDocs/memdocs memdocs/configmgr/core/plan-design/hierarchy/log-files.md): Smsts.log 'Records task sequence activities.'"
    },
    {
      "id": "software-update-keeps-failing",
      "confidence": "confirmed",
      "title": "Software update keeps failing: {update}",
      "severity": "error",
      "groupBy": "update",
      "patterns": [
        {"name": "failing", "fact": "softwareUpdates.updateKeepsFailing"}
      ],
      "explanation": "{update} failed to install {failures} times on {client}, last with {code|?} ({meaning|no catalogue entry}): trying again did not help, so the cause is on the client, not a passing condition. {verdict}",
      "fix": "Look up {code} in WUAHandler.log and the Windows Update log of the client around the failures; fix the cause it names (disk space, a pending restart, a corrupt component store: DISM /Online /Cleanup-Image /RestoreHealth), then evaluate the deployment again.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/update-management/track-software-update-deployment-process (Microsoft Learn, Track the software update deployment process in Configuration Manager): UpdatesDeployment.log, UpdatesHandler.log and WUAHandler.log record each update's download, installation and result."
    },
    {
      "id": "missing-hotfix",
      "confidence": "confirmed",
      "title": "Client hotfixes missing: {all:hotfix}",
      "severity": "warning",
      "patterns": [
        {"name": "missing", "fact": "inventory.missingHotfix"}
      ],
      "explanation": "Inventory shows {client} without {count} hotfix(es) of the catalogue, judged by the version of the component each one raises: {all:detail}.",
      "fix": "Deploy the missing hotfixes to this client; `cmlens compliance PATH --collection-query wql --kb KB` prints the query for a collection of the clients that lack one. The pre-R3 hotfix 977384 is required on every ConfigMgr 2007 client before R3.",
      "reference": "https://support.microsoft.com/en-us/help/2477182/system-center-configuration-manager-2007-hotfix-installation-guidance; Field notes, January 2011 (seed-configmgr-2011-01.txt: KB977384 SmsPowerManagement 4.0.6487.2157, KB978754 SmsOSDeployment 4.0.6487.2115, KB2444668 SmsInventory 4.0.6487.2161; 'System Center Configuration Manager 2007 Hotfix Installation Guidance')"
    },
    {
      "id": "management-point-not-found",
      "title": "The client cannot find a management point",
      "severity": "error",
      "logs": ["LocationServices.log", "ClientLocation.log"],
      "patterns": [
        {"name": "noMP", "regex": "(?i)(?:unable to (?:find|locate|retrieve) (?:any |a |the )?(?:lookup |default |proxy )?(?:MPs?|management points?)\\b|failed to (?:find|retrieve|get|locate) (?:any |a |the )?(?:lookup |default |proxy )?(?:MPs?|management points?)\\b(?! list)|no (?:default |lookup )?MP found|no (?:default |lookup )?MP available|no (?:default |lookup )?MP was found|no (?:default |lookup )?MP was available|no (?:default |lookup )?management point (?:was )?(?:found|available))"}
      ],
      "conditions": [
        {"pattern": "noMP", "atLeast": 2}
      ],
      "explanation": "LocationServices could not find a management point {count} times from {first} to {last}. Without one the client gets no policy, sends no inventory or status and runs nothing new: it is unmanaged.",
      "fix": "Check that the management point is published where the client looks for it (Active Directory with the extended schema, DNS, WINS, or the SMSMP= / /mp: install properties) and is healthy; from the client, browse to http://<MP>/sms_mp/.sms_aut?mplist to see that it answers; check name resolution and firewalls between client and management point.",
      "reference": "https://learn.microsoft.com/en-us/mem/configmgr/core/clients/deploy/about-client-installation-properties (how a client is told its management point: SMSMP, /mp); Microsoft, Configuration Manager 2007 documentation, 'Troubleshooting Management Point Issues': clients that cannot access the default management point are unmanaged; verify with the management point list address (mirror: systemscenter.ru/smsv4.en/html/38368ac9-362a-42dc-8e13-82d93616e320.htm)"
    },
    {
      "id": "content-no-distribution-point",
      "title": "Content not found: no distribution point returned",
      "severity": "warning",
      "logs": ["ContentTransferManager.log", "CAS.log", "LocationServices.log"],
      "patterns": [
        {"name": "empty", "regex": "(?i)Received empty location update for CTM Job (?<job>\\{[^}]+\\})|Content location request for (?<content>\\S+) returned 0 distribution points|(?:no|0) (?:distribution points?|DP locations?|locations?) (?:were )?(?:found|available|returned) for (?:content|package) (?<package>[^\\s,.]+)"}
      ],
      "explanation": "The client asked where to download content and got no distribution point back, {count} times from {first} to {last} (content {all:content|}{all:package|}{all:job|}). Whatever needs that content (a program, an update, a task sequence step) waits for it.",
      "fix": "Check that the package is distributed to a distribution point and that the client's boundary (IP range, IP subnet or AD site) lets it use that distribution point; for a client outside its boundaries, allow the fallback/protected settings that suit you. Then trigger the download again (Machine Policy Retrieval, or rerun the deployment).",
      "reference": "https://learn.microsoft.com/en-us/previous-versions/system-center/developer/cc144750(v=msdn.10) (Configuration Manager Content Location: the management point answers a content location request with the locations the client's boundaries allow); Microsoft (blogs.technet.microsoft.com/sudheesn, 2013-12-07), 'Content lookup in Configuration Manager': CAS asks CTM, LocationServices asks the management point, which answers with the distribution points the client's boundaries allow; Mike Lucero, 'The CAS.log revealed' (myitforum, 2007)"
    },
    {
      "id": "wsus-scan-failed",
      "title": "Software updates scan against WSUS fails ({all:error})",
      "severity": "error",
      "logs": ["WUAHandler.log"],
      "patterns": [
        {"name": "scanFailed", "regex": "(?i)(?:Scan failed with|OnSearchComplete - Failed to end search job\\.) error = (?<error>0x(?!0{8})[0-9A-Fa-f]{8})"}
      ],
      "explanation": "The Windows Update Agent scan against the software update point failed {count} times from {first} to {last} with {all:error}. Without a scan the client reports no compliance and installs no updates. 0x80072EE2 is a timeout and 0x8024402C a proxy or server name that cannot be resolved: the client cannot reach WSUS.",
      "fix": "Check the WSUS address the client was given (WUAHandler.log 'Enabling WUA Managed server policy to use server: …', or WUServer under HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows\\WindowsUpdate), that the name resolves and the port (80/8530, 443/8531) is open from the client, and the proxy (netsh winhttp show proxy; proxy bypass for the WSUS server). Then run the Software Updates Scan Cycle again.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/update-management/troubleshoot-software-update-scan-failures (0x80072ee2, 0x8024401c: time-out; 0x8024402c: proxy or name resolution); Microsoft KB 4505440, 'Troubleshoot software update management in Configuration Manager' (scan failures, WUAHandler.log); msendpointmgr.com (2015-04-07), 'How to amend WSUS Scan Retry Error Codes list': 'Scan failed with error = 0x80072ee2' in WUAHandler.log is a timeout"
    },
    {
      "id": "ccmsetup-download-failed",
      "title": "Client installation fails: ccmsetup cannot download the client files ({error})",
      "severity": "error",
      "logs": ["ccmsetup.log"],
      "patterns": [
        {"name": "download", "regex": "(?i)Failed to download (?:files through BITS|client files by BITS)\\. Error:? (?<error>0x[0-9A-Fa-f]{8})(?:, Description (?<description>[^\\r\\n]+))?"},
        {"name": "failed", "afterTrigger": true, "regex": "(?i)CcmSetup failed with error code (?<exitError>0x[0-9A-Fa-f]{8})"},
        {"name": "source", "regex": "(?i)Deployment Error 0x[0-9A-Fa-f]{8}\\. Path (?<source>[^'\\s\\]]+)"},
        {"name": "installed", "afterTrigger": true, "regex": "(?i)successfully downloaded client files|CcmSetup is exiting with return code 0\\b|Installation succeeded"}
      ],
      "conditions": [
        {"pattern": "installed", "atMost": 0}
      ],
      "confidence": "likely",
      "corroboration": ["failed"],
      "explanation": "ccmsetup could not download the client installation files through BITS: {error} ({description|no description logged}), {count} time(s) from {first:download} to {last:download}, from {source|the download source it was given}; then CcmSetup stopped with {exitError|no exit code logged yet}. 0x80190194 is BITS's HTTP 404: the server answered, but the files are not at that address, so the client is never installed.",
      "fix": "Check the address ccmsetup downloads from ({source|the /source: path, or the management point's CCM_Client folder}): from the client, browse to it and fetch ccmsetup.cab. For a management point source, check that the CCM_Client virtual directory exists in IIS on the management point and that IIS request filtering does not block .msi, .exe or .cab files; or install with /source:\\\\SERVER\\SMS_SITE\\Client pointing at the site server's Client folder. Then run ccmsetup again.",
      "reference": "https://learn.microsoft.com/en-us/mem/configmgr/core/clients/deploy/about-client-installation-properties ('About client installation parameters and properties in Configuration Manager': ccmsetup downloads the client files from /source or the management point); https://learn.microsoft.com/en-us/windows/win32/bits/bits-return-values ('BITS return values': 0x80190194, BG_E_HTTP_ERROR_404, the requested URL does not exist on the server); real ccmsetup.log in corpus/real (jimbocalvo-1)"
    },
    {
      "id": "ccmsetup-client-msi-failed",
      "title": "Client installation fails: client.msi returned {exitCode}",
      "severity": "error",
      "logs": ["ccmsetup.log"],
      "patterns": [
        {"name": "msiFailed", "regex": "(?i)client\\.msi installation failed\\. Error text: ExitCode: (?<exitCode>\\d+)"},
        {"name": "rollback", "regex": "(?i)MSI: Action [0-9:]+: Rollback\\."},
        {"name": "msiStatus", "logs": ["client.msi.log"], "regex": "(?i)Product: Configuration Manager Client -- Installation operation failed|Installation success or error status: (?<msiStatus>16\\d\\d)"},
        {"name": "installed", "afterTrigger": true, "regex": "(?i)CcmSetup is exiting with return code 0\\b"}
      ],
      "conditions": [
        {"pattern": "installed", "atMost": 0}
      ],
      "confidence": "likely",
      "corroboration": ["rollback", "msiStatus"],
      "explanation": "ccmsetup ran the client's Windows Installer package and it failed with exit code {exitCode} ({count} time(s), from {first:msiFailed|time not logged} to {last:msiFailed|time not logged}); the installation was rolled back ({count:rollback} rollback line(s) in ccmsetup.log, {count:msiStatus} failure line(s) in client.msi.log). 1603 is Windows Installer's generic 'fatal error': the reason is in client.msi.log, a few lines above the first 'Return value 3'.",
      "fix": "Open client.msi.log (in %WinDir%\\ccmsetup\\Logs) and search upwards from the first 'Return value 3' for the action that failed. Known causes: a missing or outdated Visual C++ runtime (install the current Visual C++ 2013 redistributable, then run ccmsetup again), a broken WMI repository, or an earlier client that was not removed cleanly (ccmsetup /uninstall first).",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-installation/install-configmgr-client-error-1603 (ccmsetup.log 'client.msi installation failed. Error text: ExitCode: 1603'; client.msi.log 'Installation success or error status: 1603')"
    },
    {
      "id": "ccmsetup-bits-too-old",
      "title": "Client installation fails: BITS 2.5 or later is missing",
      "severity": "error",
      "logs": ["ccmsetup.log"],
      "patterns": [
        {"name": "bits", "regex": "(?i)This operating system does not contain the correct version of BITS"},
        {"name": "failed", "afterTrigger": true, "regex": "(?i)CcmSetup failed with error code (?<exitError>0x[0-9A-Fa-f]{8})"}
      ],
      "confidence": "likely",
      "corroboration": ["failed"],
      "explanation": "ccmsetup stopped because the Background Intelligent Transfer Service on this machine is older than the client needs ({count} time(s), last {last:bits|time not logged}); CcmSetup then ended with {exitError|no exit code logged}. The client downloads its files and content through BITS, so it cannot be installed until BITS is updated.",
      "fix": "Install BITS 2.5 or later (part of the Windows Management Framework for the oldest Windows versions), restart the machine, then run ccmsetup again.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-installation/client-installation-fails-without-bits (ccmsetup.log 'This operating system does not contain the correct version of BITS. BITS 2.5 or later is required.')"
    },
    {
      "id": "ccmsetup-wmi-registration-failed",
      "title": "Client installation fails while registering its WMI classes",
      "severity": "error",
      "logs": ["ccmsetup.log"],
      "patterns": [
        {"name": "unexpected", "regex": "(?i)MSI: Setup failed due to unexpected circumstances"},
        {"name": "registeringWmi", "regex": "(?i)CcmRegisterWmiMofFile"},
        {"name": "failed1603", "afterTrigger": true, "regex": "(?i)Installation failed with error code (?<exitCode>\\d+)"}
      ],
      "confidence": "possible",
      "corroboration": ["registeringWmi"],
      "explanation": "The client's Windows Installer package stopped 'due to unexpected circumstances' ({count} time(s), last {last:unexpected|time not logged}); {count:registeringWmi} line(s) show it was registering the client's WMI classes (CcmRegisterWmiMofFile) at the time, and the installation ended with {exitCode|no exit code logged}. That step runs PolicyAgentProvider.dll through rundll32, which fails when the DLL search path has been locked down.",
      "fix": "Check HKLM\\SYSTEM\\CurrentControlSet\\Control\\Session Manager\\CWDIllegalInDllSearch: a value of 0xFFFFFFFF stops rundll32 finding PolicyAgentProvider.dll. Remove the value (or add %WinDir%\\CCM to PATH), then install the client again. If the value is not set, check that WMI works (winmgmt /verifyrepository).",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-installation/client-installation-fails-with-policyagentprovider-dll (ccmsetup.log 'MSI: Setup failed due to unexpected circumstances' after 'CcmRegisterWmiMofFile')"
    },
    {
      "id": "client-msi-hosting-endpoint-failed",
      "title": "Client installation fails: the CCM hosting endpoint cannot be registered in WMI",
      "severity": "error",
      "logs": ["client.msi.log", "ccmsetup.log"],
      "patterns": [
        {"name": "endpoint", "regex": "(?i)Setup was unable to register the (?<endpoint>CCM_Service_HostingConfiguration) endpoint"},
        {"name": "wmiCode", "regex": "(?i)The error code is (?<error>80041002)"},
        {"name": "customAction", "regex": "(?i)CustomAction CcmRegisterHostingConfiguration returned actual error code (?<exitCode>\\d+)"}
      ],
      "confidence": "likely",
      "corroboration": ["wmiCode", "customAction"],
      "explanation": "Windows Installer could not register the {endpoint} endpoint ({count} time(s), last {last:endpoint|time not logged}; WMI error {error|not logged}, custom action result {exitCode|not logged}). 80041002 is WMI's 'object not found': the class the endpoint is written to is missing, which happens on a management point whose own role left the client's WMI namespace in an unexpected state.",
      "fix": "On a management point: remove the management point role, install the client from the site server's Client folder (ccmsetup.exe /source:\"<install dir>\\Client\"), then add the role again. Elsewhere, check the WMI repository (winmgmt /verifyrepository) before installing again.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-installation/client-agent-installation-error-80041002 (Client.msi log 'Error 25150. Setup was unable to register the CCM_Service_HostingConfiguration endpoint', 'The error code is 80041002')"
    },
    {
      "id": "https-client-certificate-missing",
      "title": "HTTPS request refused: the client has no PKI client certificate",
      "severity": "error",
      "logs": ["ccmsetup.log", "LocationServices.log", "CcmMessaging.log", "DataTransferService.log"],
      "patterns": [
        {"name": "noCert", "regex": "(?i)URL=(?<url>[^,\\s]+)\\s*,\\s*Port=\\d+.*Text=CCM_E_NO_CLIENT_PKI_CERT"},
        {"name": "directoryList", "regex": "(?i)GetDirectoryList failed with a non-recoverable failure, (?<error>0x87d00454)"}
      ],
      "confidence": "likely",
      "corroboration": ["directoryList"],
      "explanation": "The client needed a client authentication certificate for an HTTPS connection and had none ({count} time(s) from {first:noCert|time not logged} to {last:noCert|time not logged}; last address {url}). Without it, a site system that requires HTTPS (or a cloud distribution point or CMG reached as one) refuses the client, so downloads and policy requests fail ({count:directoryList} directory listing(s) given up with 0x87d00454).",
      "fix": "Give the machine a client authentication certificate from the PKI the site trusts (autoenrolment through the certificate template), or let the site use Enhanced HTTP / token authentication instead. For a cloud management gateway acting as a cloud distribution point with a third-party certificate, update the site to version 1902 or later.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-management/cannot-download-content-from-cmg (ccmsetup.log '[CCMHTTP] ERROR: URL=…, Port=0, Options=224, Code=0, Text=CCM_E_NO_CLIENT_PKI_CERT', 'GetDirectoryList failed with a non-recoverable failure, 0x87d00454')"
    },
    {
      "id": "https-certificate-name-mismatch",
      "title": "HTTPS connection refused: the server certificate's name does not match",
      "severity": "error",
      "logs": ["DataTransferService.log", "ccmsetup.log", "LocationServices.log", "CcmMessaging.log"],
      "patterns": [
        {"name": "cnInvalid", "regex": "WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID is set"},
        {"name": "target", "regex": "(?i)Target URL scheme is HTTPS: (?<url>https://[^/\\s]+)"}
      ],
      "confidence": "likely",
      "corroboration": ["target"],
      "explanation": "The client refused an HTTPS connection because the server's certificate is issued to another name than the one the client connected to ({count} time(s) from {first:cnInvalid|time not logged} to {last:cnInvalid|time not logged}; server {url|not logged}). Every download or request over that connection fails.",
      "fix": "Compare the name the client uses (the URL above) with the certificate's subject and subject alternative names: issue a certificate that includes that name, or make the site publish the name the certificate carries. A cloud management gateway used as a cloud distribution point with a third-party certificate needs site version 1902 or later, which stops clients using the cloudapp.net name.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-management/cannot-download-content-from-cmg (DataTransferService.log and ccmsetup.log '[CCMHTTP] : WINHTTP_CALLBACK_STATUS_FLAG_CERT_CN_INVALID is set')"
    },
    {
      "id": "https-root-ca-untrusted",
      "title": "HTTPS connection refused: the server certificate's root CA is not trusted",
      "severity": "error",
      "logs": ["LocationServices.log", "CcmMessaging.log", "ccmsetup.log", "DataTransferService.log"],
      "patterns": [
        {"name": "invalidCA", "regex": "WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA is set"},
        {"name": "secureFailure", "regex": "(?i)URL=(?<url>[^,\\s]+)\\s*,\\s*Port=\\d+.*Text=ERROR_WINHTTP_SECURE_FAILURE"}
      ],
      "confidence": "likely",
      "corroboration": ["secureFailure"],
      "explanation": "The client does not trust the certificate authority that issued the server's certificate ({count} time(s) from {first:invalidCA|time not logged} to {last:invalidCA|time not logged}; {count:secureFailure} request(s) ended in ERROR_WINHTTP_SECURE_FAILURE, the last to {url|an address not logged}). Requests to that management point, cloud management gateway or distribution point all fail.",
      "fix": "Import the issuing root CA certificate into the machine's Trusted Root Certification Authorities store (by Group Policy for domain machines); check that the server presents the certificate you expect (a proxy that inspects TLS replaces it). Then restart the SMS Agent Host service.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-management/cmg-communication-error-403 (LocationServices.log '[CCMHTTP] : WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA is set' before 'Text=ERROR_WINHTTP_SECURE_FAILURE')"
    },
    {
      "id": "https-revocation-check-failed",
      "title": "HTTPS connection refused: the certificate revocation list cannot be checked",
      "severity": "error",
      "logs": ["LocationServices.log", "CcmMessaging.log", "ccmsetup.log", "DataTransferService.log"],
      "patterns": [
        {"name": "revFailed", "regex": "WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED is set"},
        {"name": "secureFailure", "regex": "(?i)URL=(?<url>[^,\\s]+)\\s*,\\s*Port=\\d+.*Text=ERROR_WINHTTP_SECURE_FAILURE"}
      ],
      "confidence": "likely",
      "corroboration": ["secureFailure"],
      "explanation": "The client checks the revocation of the server's certificate and cannot reach the revocation list ({count} time(s) from {first:revFailed|time not logged} to {last:revFailed|time not logged}; {count:secureFailure} request(s) ended in ERROR_WINHTTP_SECURE_FAILURE, the last to {url|an address not logged}). On the internet this is usually a CRL published only inside the company network.",
      "fix": "Publish the CRL where the client can reach it, or turn off 'Clients check the certificate revocation list (CRL) for site systems' in the site's Communication Security properties; clients installed from the internet need /NoCRLCheck on the ccmsetup command line.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-management/cmg-communication-error-403 (LocationServices.log '[CCMHTTP] : WINHTTP_CALLBACK_STATUS_FLAG_CERT_REV_FAILED is set')"
    },
    {
      "id": "cmg-client-certificate-required",
      "title": "Cloud management gateway answers 403: its connection point has no client certificate",
      "severity": "error",
      "logs": ["LocationServices.log", "CcmMessaging.log", "ccmsetup.log"],
      "patterns": [
        {"name": "forbidden", "regex": "(?i)StatusCode= ?403 StatusText= ?(?<status>CMGConnector_Clientcertificaterequired)"},
        {"name": "badStatus", "regex": "(?i)URL=(?<url>[^,\\s]+)\\s*,\\s*Port=\\d+.*Text=CCM_E_BAD_HTTP_STATUS_CODE"}
      ],
      "confidence": "likely",
      "corroboration": ["badStatus"],
      "explanation": "Requests through the cloud management gateway come back 403 {status} ({count} time(s) from {first:forbidden|time not logged} to {last:forbidden|time not logged}; last address {url|not logged}). The CMG connection point forwards client requests to an HTTPS management point with a client authentication certificate of its own, and it has none that is valid; internet clients get no policy.",
      "fix": "Enrol a client authentication certificate on the server that holds the CMG connection point (unique subject name, from a CA the management point trusts), then check SMS_Cloud_ProxyConnector.log ('Filtered cert count with client auth' above 0).",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-management/cmg-communication-error-403 (LocationServices.log '[CCMHTTP] ERROR INFO: StatusCode= 403 StatusText= CMGConnector_Clientcertificaterequired')"
    },
    {
      "id": "cmg-connector-forbidden",
      "title": "Cloud management gateway answers 403 CMGConnector_Forbidden: the management point's HTTPS binding",
      "severity": "error",
      "logs": ["LocationServices.log", "CcmMessaging.log", "ccmsetup.log"],
      "patterns": [
        {"name": "forbidden", "regex": "(?i)StatusCode= ?403 StatusText= ?CMGConnector_Forbidden"},
        {"name": "badStatus", "regex": "(?i)URL=(?<url>[^,\\s]+)\\s*,\\s*Port=\\d+.*Text=CCM_E_BAD_HTTP_STATUS_CODE"}
      ],
      "confidence": "likely",
      "corroboration": ["badStatus"],
      "explanation": "Requests through the cloud management gateway come back 403 CMGConnector_Forbidden ({count} time(s) from {first:forbidden|time not logged} to {last:forbidden|time not logged}; last address {url|not logged}). The management point behind the gateway refuses the forwarded request, most often because its IIS HTTPS binding holds the wrong certificate for its mode (left over from a change between HTTPS and Enhanced HTTP, or expired).",
      "fix": "On the management point, open IIS Manager → Default Web Site → Bindings → 443 and select the right certificate: the 'SMS SSL Role Certificate' for Enhanced HTTP, a valid PKI server authentication certificate for HTTPS. Then retry from the client.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-management/cmg-communication-error-403 (LocationServices.log '[CCMHTTP] ERROR INFO: StatusCode= 403 StatusText= CMGConnector_Forbidden')"
    },
    {
      "id": "cmg-token-expired",
      "title": "Cloud management gateway answers 401: the client's token is not valid",
      "severity": "error",
      "logs": ["ccmsetup.log", "LocationServices.log", "CcmMessaging.log"],
      "patterns": [
        {"name": "invalidToken", "regex": "(?i)StatusCode= ?401 StatusText= ?CMGService_Invalid_Token"},
        {"name": "badStatus", "regex": "(?i)URL=(?<url>[^,\\s]+)\\s*,\\s*Port=\\d+.*Text=CCM_E_BAD_HTTP_STATUS_CODE"}
      ],
      "confidence": "likely",
      "corroboration": ["badStatus"],
      "explanation": "The cloud management gateway refused the client's token with 401 CMGService_Invalid_Token ({count} time(s) from {first:invalidToken|time not logged} to {last:invalidToken|time not logged}; last address {url|not logged}). The token expired: the client has not reached the site for more than 30 days, or ccmsetup was given an expired /regtoken.",
      "fix": "Connect the client to an internal management point once (on site or over VPN) so that it renews its token, or reinstall it with a fresh bulk registration token (ccmsetup /regtoken:…).",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-management/cmg-communication-error-403 (ccmsetup.log '[CCMHTTP] ERROR INFO: StatusCode=401 StatusText=CMGService_Invalid_Token')"
    },
    {
      "id": "task-sequence-media-root-ca-missing",
      "title": "Task sequence media cannot reach the management point over HTTPS (80072f8f)",
      "severity": "error",
      "logs": ["smsts.log"],
      "patterns": [
        {"name": "winhttp", "regex": "(?i)Sending with winhttp failed; 80072f8f"},
        {"name": "invalidCA", "regex": "WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA is set"},
        {"name": "timeSync", "regex": "(?i)Failed to get time information from MP: (?<mp>\\S+?)\\.?$"},
        {"name": "noMP", "regex": "(?i)Failed to query Management Point locator|Failed to select MP"}
      ],
      "confidence": "likely",
      "corroboration": ["invalidCA", "timeSync", "noMP"],
      "explanation": "The task sequence engine on boot or prestaged media could not talk to the HTTPS management point: 'Sending with winhttp failed; 80072f8f' {count} time(s) from {first:winhttp|time not logged} to {last:winhttp|time not logged}, {count:invalidCA} line(s) saying the server's root CA is not trusted, time sync with {mp|the management point} failed, and {count:noMP} line(s) giving up on finding a management point. The media carries no root CA certificate for the site's PKI, which happens when it was created at the central administration site.",
      "fix": "Create the boot or prestaged media at a primary site (the one whose PKI root CA is configured), or make it dynamic media, and boot the machine again. If the media is right, check the machine's clock in the firmware: a date outside the certificates' validity fails the same way.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/os-deployment/sending-with-winhttp-failed-80072f8f-error (smsts.log 'Sending with winhttp failed; 80072f8f', 'WINHTTP_CALLBACK_STATUS_FLAG_INVALID_CA is set', 'Failed to get time information from MP')"
    },
    {
      "id": "task-sequence-mp-location-failed",
      "title": "Task sequence media cannot get the management point list (MPLOCATION fails)",
      "severity": "error",
      "logs": ["smsts.log"],
      "patterns": [
        {"name": "mpLocation", "regex": "(?i)Failed to query (?<mp>\\S+) for MP location"},
        {"name": "status500", "regex": "(?i)Error\\. Status code 500 returned"},
        {"name": "getLocations", "regex": "(?i)GetMPLocations failed; (?<error>0x[0-9A-Fa-f]{8})"}
      ],
      "confidence": "likely",
      "corroboration": ["status500", "getLocations"],
      "explanation": "The task sequence wizard asked {mp} for the management points of its boundary and got no usable answer ({count} time(s) from {first:mpLocation|time not logged} to {last:mpLocation|time not logged}; {count:status500} HTTP 500 reply(ies), GetMPLocations {error|error not logged}). With dynamic media this happens when the site has several Unknown Computer objects per architecture, and the reply outgrows the management point's buffer.",
      "fix": "Open http://<MP>/SMS_MP/.sms_aut?MPLOCATION&ir=<client IP>&ip=<subnet> in a browser to see the 500; in the All Unknown Computers collection keep one x86 and one x64 Unknown Computer object per site and delete the extra ones (from the site database: UnknownSystem_DISC), then boot again.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/os-deployment/dynamic-media-cannot-get-mp-locations (smsts.log 'Error. Status code 500 returned', 'CCM::SMSMessaging::GetMPLocations failed; 0x80004005', 'Failed to query MP_Server for MP location')"
    },
    {
      "id": "task-sequence-software-distribution-disabled",
      "title": "Task sequence cannot install a package: the software distribution agent is not enabled (0x87d01004)",
      "severity": "error",
      "logs": ["smsts.log"],
      "patterns": [
        {"name": "invoke", "regex": "(?i)Failed to invoke Execution Manager to Install Software for PackageID='(?<package>[^']*)' ProgramID='(?<program>[^']*)'.*hr=0x87d01004"}
      ],
      "confidence": "likely",
      "explanation": "The task sequence could not hand package {package} (program '{program}') to the execution manager: 0x87d01004, {count} time(s), last {last|time not logged}. On stand-alone media the client has not received its policy yet, so the software distribution agent is not enabled.",
      "fix": "Before the first Install Package step, add a Run Command Line step that creates a local CCM_SoftwareDistributionClientConfig policy with Enabled=true in root\\ccm\\policy\\machine\\requestedconfig, or let the machine receive its policy before that step.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/os-deployment/task-sequence-fails-error-0x87d01004 (smsts.log \"Failed to invoke Execution Manager to Install Software for PackageID='…' ProgramID='…' AdvertID='…' hr=0x87d01004\")"
    },
    {
      "id": "task-sequence-setup-hook-failed",
      "title": "Task sequence cannot install the setup hook into the new Windows (access denied)",
      "severity": "error",
      "logs": ["smsts.log"],
      "patterns": [
        {"name": "hook", "regex": "(?i)Failed to install the setup hook"},
        {"name": "denied", "regex": "(?i)Access is denied\\. \\(Error: 80070005; Source: Windows\\)"}
      ],
      "confidence": "likely",
      "corroboration": ["denied"],
      "explanation": "The Setup Windows and ConfigMgr step could not install its setup hook into the applied Windows ({count} time(s), last {last:hook|time not logged}; {count:denied} access-denied line(s)). Without the hook the task sequence does not continue after Windows setup.",
      "fix": "Check that the Windows folder of the applied image can be written from Windows PE (image permissions, encryption, an image captured with the hook still in place), and that the boot image matches the site version. Then run the deployment again.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/os-deployment/osd-task-sequence-fails-error-80070005 (smsts.log 'OSDSetupHook Failed to install the setup hook. Permissions on the requested may be configured incorrectly. Access is denied. (Error: 80070005; Source: Windows)')"
    },
    {
      "id": "task-sequence-boot-image-outdated",
      "title": "A task sequence tool rejects its arguments: the boot image is older than the site",
      "severity": "error",
      "logs": ["smsts.log"],
      "patterns": [
        {"name": "arguments", "regex": "(?i)Failed to pass arguments\\. Code 0x80070057|Invalid command line argument '(?<argument>/[^']+)'"}
      ],
      "confidence": "likely",
      "explanation": "A task sequence tool in the boot image did not understand the command line the site gave it ({count} time(s), last {last|time not logged}; argument {argument|not named}): the site was upgraded and added an option that the older tools in the boot image do not know, so the step fails with 0x80070057 ('The parameter is incorrect').",
      "fix": "Update the boot images to the site's version (Software Library → Boot Images → Update Distribution Points) and use the current client package in the task sequence; then run it again.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/os-deployment/apply-driver-package-task-error-80070057 (smsts.log 'Failed to pass arguments. Code 0x80070057'); https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/os-deployment/enable-bitlocker-task-fails-error-80070057 (smsts.log \"Invalid command line argument '/full'\")"
    },
    {
      "id": "wsus-group-policy-conflict",
      "title": "A domain Group Policy overrides the software update point's WSUS address",
      "severity": "error",
      "logs": ["WUAHandler.log"],
      "patterns": [
        {"name": "overwritten", "regex": "(?i)Group policy settings were overwritten by a higher authority \\((?<authority>[^)]+)\\) to: Server (?<server>\\S+) and Policy (?<policy>\\w+)"},
        {"name": "jobError", "logs": ["UpdatesDeployment.log", "WUAHandler.log", "ScanAgent.log"], "regex": "(?i)0x87d00692"}
      ],
      "confidence": "likely",
      "corroboration": ["jobError"],
      "explanation": "Group Policy from the {authority} set the Windows Update server to {server} (policy {policy}) over the local policy that ConfigMgr writes for its software update point ({count} time(s), last {last:overwritten|time not logged}). When that server is not the software update point, with its port, the scan fails: {count:jobError} line(s) carry 0x87d00692, the group policy conflict.",
      "fix": "Remove the 'Specify intranet Microsoft update service location' setting from the domain GPO that applies to ConfigMgr clients, or set it to exactly the software update point's name and port (e.g. http://sup.contoso.com:8530). Run gpupdate /force, then the Software Updates Scan Cycle.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/update-management/troubleshoot-software-update-scan-failures (WUAHandler.log 'Group policy settings were overwritten by a higher authority (Domain Controller) to: Server http://server and Policy ENABLED')"
    },
    {
      "id": "msi-source-list-update-failed",
      "title": "Windows Installer source list update fails: HTTPS distribution points only (87d00226)",
      "severity": "warning",
      "logs": ["SrcUpdateMgr.log"],
      "patterns": [
        {"name": "sourceList", "regex": "(?i)Failed source list update for product (?<product>\\S+), error (?<error>87d00226)"},
        {"name": "httpProhibited", "regex": "(?i)HTTP requested but client settings prohibit it"}
      ],
      "confidence": "likely",
      "corroboration": ["httpProhibited"],
      "explanation": "The client could not add distribution points to the Windows Installer source list of {all:product} ({count} time(s) from {first:sourceList|time not logged} to {last:sourceList|time not logged}, error {error}): the source list needs an HTTP location and the client may only use HTTPS. Repairs and on-demand features of those MSI products cannot find their source.",
      "fix": "Use HTTP from clients to distribution points if you can; otherwise copy packages to a package share on the distribution points, or add the application's source to the product's SourceList\\Net registry keys.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/content-management/windows-installer-source-list-update-fails (SrcUpdateMgr.log 'UpdateURLWithTransportSettings(): HTTP requested but client settings prohibit it.', 'Failed source list update for product <product code>, error 87d00226')"
    },
    {
      "id": "software-metering-prepdriver-failed",
      "title": "Software metering does not work: its driver (PrepDrv) is not installed",
      "severity": "warning",
      "logs": ["mtrmgr.log"],
      "patterns": [
        {"name": "prepDriver", "regex": "(?i)Software Metering failed to start PrepDriver"}
      ],
      "confidence": "likely",
      "explanation": "The software metering agent could not start its PrepDrv driver ({count} time(s), last {last|time not logged}), so this client reports no metering data. It happens when the Windows 7 SP1 / Server 2008 R2 SP1 convenience rollup (3125574) was installed before the ConfigMgr client: client setup then skips the driver.",
      "fix": "Install the driver by hand: RUNDLL32.EXE SETUPAPI.DLL,InstallHinfSection DefaultInstall 128 %WinDir%\\CCM\\prepdrv.inf; or uninstall the rollup and the client, reinstall the client, then the rollup.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-management/software-metering-failed-start-prepdriver (mtrmgr.log 'Software Metering failed to start PrepDriver')"
    },
    {
      "id": "remote-control-rd-gateway",
      "title": "Remote control fails: the connection is shut down (C0000120)",
      "severity": "warning",
      "logs": ["CmRcService.log"],
      "patterns": [
        {"name": "shutdown", "regex": "(?i)WT_CompleteIO failed\\. Network shutdown.*C0000120"}
      ],
      "confidence": "likely",
      "explanation": "Remote control sessions to this machine were cut with C0000120 ({count} time(s), last {last|time not logged}). Remote Desktop Gateway settings in the viewing user's Group Policy (connect through a gateway, with its address and authentication enforced) send the remote control connection to the gateway, which drops it.",
      "fix": "Leave the User Configuration policies for Remote Desktop Gateway 'Not Configured' for ConfigMgr operators, or give the gateway settings in the .rdp file instead of by policy; then connect again.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/client-management/remote-control-fails-error-c000012 (CmRcService.log 'WT_CompleteIO failed. Network shutdown : Unknown error (Error: C0000120; Source: Unknown)')"
    },
    {
      "id": "task-sequence-install-application-no-mp",
      "title": "Install Application step cannot reach a management point (0x87d00269)",
      "severity": "error",
      "logs": ["smsts.log"],
      "patterns": [
        {"name": "noMP", "regex": "(?i)Policy Evaluation failed, hr=0x87d00269|Required management point not found \\(Error: 87D00269"},
        {"name": "appFailed", "regex": "(?i)Install application action failed: '(?<application>[^']+)'\\. Error Code (?<error>0x[0-9A-Fa-f]{8})"}
      ],
      "confidence": "likely",
      "corroboration": ["appFailed"],
      "explanation": "The Install Application step could not evaluate its application policy because the machine found no management point it could use ({count} time(s) from {first:noMP|time not logged} to {last:noMP|time not logged}); the step then failed for {all:application|an application not named} with {error|no error code logged}. The step fetches the application's configuration items from the management point, so it cannot install anything without one.",
      "fix": "Check that the management point answers from the network the task sequence runs on (http://<MP>/sms_mp/.sms_aut?mplist). A management point on a custom website needs the default document (default.htm) in the site's root folder and no HTTP redirection on the default website. Then run the task sequence again.",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/os-deployment/troubleshoot-install-application-step (SMSTS.log 'InstallApplication Policy Evaluation failed, hr=0x87d00269', 'Required management point not found (Error: 87D00269)', \"Install application action failed: 'APP NAME HERE'. Error Code 0x80004005\")"
    },
    {
      "id": "task-sequence-environment-lost",
      "title": "Task sequence lost its state after a restart it did not control",
      "severity": "error",
      "logs": ["smsts.log"],
      "patterns": [
        {"name": "notFound", "regex": "(?i)Task Sequence environment not found"},
        {"name": "logDirectory", "regex": "(?i)Failed to set log directory\\. Some execution history may be lost"}
      ],
      "confidence": "possible",
      "corroboration": ["logDirectory"],
      "explanation": "The task sequence started again and found no saved environment ({count} time(s), last {last:notFound|time not logged}; {count:logDirectory} line(s) saying its log directory was gone too). The machine restarted without the task sequence saving its state first, typically a second restart that a software update (often a servicing stack or Remote Desktop update) asked for after the Install Software Updates step. The rest of the task sequence does not run, and the client can be left in provisioning mode.",
      "fix": "Install updates that need two restarts through the software updates feature instead of the task sequence, or set SMSTSWaitForSecondReboot / use the step's Retry option on current versions. Check HKLM\\SOFTWARE\\Microsoft\\CCM\\CcmExec\\ProvisioningMode: if it is true, take the client out with the SMS_Client SetClientProvisioningMode method (argument $false).",
      "reference": "https://learn.microsoft.com/en-us/troubleshoot/mem/configmgr/os-deployment/task-sequence-fails-multiple-restarts (Smsts.log 'Failed to set log directory. Some execution history may be lost.', 'Task Sequence environment not found')"
    }
  ]
}
"""#
}
