/// The rules cmlens ships, in the same JSON format as a user's rules file (README.md), so
/// that they are data that reads like a rules file, not code.
///
/// Kept in the binary as text rather than as a SwiftPM resource: on Linux `Bundle.module` stops the
/// program when the resource bundle is not beside the executable (a copied or installed `cmlens`),
/// and the rules must always be there.
public enum BuiltInDiagnosticRules {
    /// Where problems with the built-in rules are reported from.
    public static let origin = "built-in rules"

    public static func load() -> (rules: [DiagnosticRule], problems: [LoadProblem]) {
        var (rules, problems) = DiagnosticRuleLoader.parse(json, path: origin)
        for k in rules.indices { rules[k].origin = origin }
        return (rules, problems)
    }

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
    }
  ]
}
"""#
}
