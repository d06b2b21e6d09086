#!/usr/bin/env python3
"""Writes the bundled sample workspace `Samples/` (deterministic: run it again, get the same bytes).

The workspace tells a few consistent stories from January 2011 (ConfigMgr 2007 SP2, site XYZ):

  WKS-ACCT-014  XP laptop, US Eastern (bias +300). Office 2010 fails with 999 and is retried 15:01 later,
                Adobe Reader fails with 1618 and its advertisement is removed while it waits to retry,
                Outlook 2010 exits 3010, the laptop reboots and the client's certificate is broken from
                then on (ClientIDManagerStartup loop for hours). execmgr is rotated (.lo_ + .log).
  WKS-LAB-007   Windows 7 desktop, Paris (bias -060). Visio Viewer exits 1 (never retried), 7-Zip exits 0.
                PolicyAgent.log is UTF-16LE; CAS.log is damaged (truncated record, NUL run, cp1252 bytes).
  BUILD-CAP-01  workgroup build-and-capture machine, US Pacific (bias +480). Install Software Updates hangs
                at "Installing Update 1 of 12"; UpdatesHandler reports 0x80040669; no boundary matches.
  SITE-SERVER   distmgr.log in the legacy SMS format.
  site/         sitectrl.ct0 with the seed's retry properties.
  inventory/    v_GS_SMS_ADVANCED_CLIENT_STAT.csv and v_R_System.csv.
  sys.txt       machine names for the DNS check.

Usage: python3 scripts/make-samples.py [OUTPUT_DIR]   (default: Samples next to this script's folder)
"""
import datetime as dt
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Samples")

SITE = "XYZ"
MP = "SITE-SERVER.corp.contoso.com"
T = dt.timedelta


def at(text):
    """'01-13-2011 09:31:40.827' -> datetime (local time of the machine that wrote the log)."""
    return dt.datetime.strptime(text, "%m-%d-%Y %H:%M:%S.%f")


def bias_text(bias):
    return ("+" if bias >= 0 else "-") + "%03d" % abs(bias)


class CMTraceLog:
    """Collects CMTrace records; times are the writer's local time, bias = minutes to add to get UTC."""

    def __init__(self, bias, interleaved=False):
        self.bias = bias
        self.parts = []
        self.last = None
        # Several threads writing one log: records are added per thread and put in time order at the end.
        self.interleaved = interleaved

    def add(self, when, message, component, kind=1, thread=0, source="", context=""):
        if self.interleaved:
            self.parts.append((when, len(self.parts), self.render(when, message, component, kind, thread, source,
                                                                  context) + "\r\n"))
            return
        if self.last is not None and when < self.last:
            raise SystemExit("time goes backwards at %s: %s" % (when, message))
        self.last = when
        message = message.replace("\r\n", "\n")
        self.parts.append(self.render(when, message, component, kind, thread, source, context) + "\r\n")

    def render(self, when, message, component, kind, thread, source, context=""):
        return ('<![LOG[%s]LOG]!><time="%s.%03d%s" date="%s" component="%s" context="%s" type="%d" '
                'thread="%d" file="%s">' % (
                    message, when.strftime("%H:%M:%S"), when.microsecond // 1000, bias_text(self.bias),
                    when.strftime("%m-%d-%Y"), component, context, kind, thread, source))

    def raw(self, text):
        self.parts.append(text)

    def text(self):
        if self.interleaved:
            return "".join(part for _, _, part in sorted(self.parts))
        return "".join(self.parts)


def write_bytes(relative, data):
    path = os.path.join(OUT, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data)


def write_utf8_bom(relative, text):
    write_bytes(relative, b"\xef\xbb\xbf" + text.encode("utf-8"))


def utc_wmi(when, bias):
    """WMI DATETIME in UTC, as execmgr writes it inside events."""
    utc = when + T(minutes=bias)
    return utc.strftime("%Y%m%d%H%M%S") + ".%03d000+000" % (utc.microsecond // 1000)


# --------------------------------------------------------------------------------------------------------
# execmgr
# --------------------------------------------------------------------------------------------------------

class Program:
    def __init__(self, advert, package, name, command, folder, package_name):
        self.advert, self.package, self.name = advert, package, name
        self.command, self.folder, self.package_name = command, folder, package_name


class ExecMgr:
    """Writes execmgr.log lines in the wording of log-formats.md §2."""

    def __init__(self, log, machine, client_id, cache):
        self.log, self.machine, self.client_id, self.cache = log, machine, client_id, cache
        self.thread = 2904
        self.pid = 1700

    def line(self, when, message, kind=1, source="execreqmgr.cpp:2052", thread=None):
        self.log.add(when, message, "execmgr", kind, thread or self.thread, source)

    def state(self, when, program, old, new):
        self.line(when, "Execution Request for advert %s package %s program %s state change from %s to %s"
                  % (program.advert, program.package, program.name, old, new), source="executionrequest.cpp:501")

    def working_directory(self, program):
        return "%s\\%s.1.System\\" % (self.cache, program.package)

    def event(self, when, program, cls, extra):
        body = [("AdvertisementId", '"%s"' % program.advert), ("ClientID", '"GUID:%s"' % self.client_id),
                ("CommandLine", '"%s"' % program.command.replace("\\", "\\\\").replace('"', '\\"')),
                ("DateTime", '"%s"' % utc_wmi(when, self.log.bias))]
        body += extra
        body += [("MachineName", '"%s"' % self.machine), ("PackageName", '"%s"' % program.package),
                 ("ProcessID", "%d" % 1232), ("ProgramName", '"%s"' % program.name), ("SiteCode", '"%s"' % SITE),
                 ("ThreadID", "%d" % self.thread), ("UserContext", '"NT AUTHORITY\\\\SYSTEM"'),
                 ("WorkingDirectory", '"%s"' % self.working_directory(program).replace("\\", "\\\\"))]
        text = "Raising event:\n[SMS_CodePage(437), SMS_LocaleID(1033)]\ninstance of %s\n{\n" % cls
        text += "".join("\t%s = %s;\n" % pair for pair in sorted(body))
        text += "};\n"
        self.line(when, text, source="event.cpp:525")

    def policy_updated(self, when, program):
        self.line(when, "Policy is updated for Program: %s, Package: %s, Advert: %s"
                  % (program.name, program.package, program.advert), source="execreqmgr.cpp:6244")

    def policy_removed(self, when, program):
        self.line(when, "Policy is removed for Program: %s, Package: %s, Advert: %s"
                  % (program.name, program.package, program.advert), source="execreqmgr.cpp:6281")

    def timer(self, when):
        self.line(when, "Execution Manager timer has been fired.", source="lantimer.cpp:94")

    def request_content(self, when, program):
        """New policy -> WaitingContent -> content arrives -> NotifyExecution. Returns time of NotifyExecution."""
        self.state(when, program, "NotExist", "WaitingContent")
        self.event(when + T(milliseconds=31), program, "SoftDistWaitingContentEvent", [])
        self.line(when + T(milliseconds=47), "Raised Program Waiting Content Event for Ad:%s, Package:%s, Program: %s"
                  % (program.advert, program.package, program.name), source="executioncontext.cpp:461")
        self.line(when + T(milliseconds=62), "Requesting content from CAS for package %s version 1"
                  % program.package, source="executioncontext.cpp:1385")
        return when

    def content_ready(self, when, program):
        self.line(when, "Content is available for program %s." % program.name, source="executionrequest.cpp:3094")
        self.state(when + T(milliseconds=16), program, "WaitingContent", "NotifyExecution")
        self.line(when + T(milliseconds=31), "Mandatory execution requested for program %s and advertisement %s"
                  % (program.name, program.advert), source="execreqmgr.cpp:3384")
        self.line(when + T(milliseconds=47), "Notify user mandatory program %s is about to run in 300 seconds"
                  % program.name, source="executionrequest.cpp:2541")

    def start(self, when, program, old="NotifyExecution"):
        """Countdown over: the process starts. Returns the time of 'Created Process'."""
        self.timer(when)
        self.line(when + T(milliseconds=15), "Executing program as a script", source="executioncontext.cpp:896")
        self.line(when + T(milliseconds=78), "Successfully prepared command line %s" % program.command,
                  source="executioncontext.cpp:1031")
        self.line(when + T(milliseconds=93), "Command line = %s, Working Directory = %s"
                  % (program.command, self.working_directory(program)), source="executioncontext.cpp:1102")
        created = when + T(milliseconds=312)
        self.line(created, "Created Process for the passed command line", source="executioncontext.cpp:1233")
        self.event(created + T(milliseconds=31), program, "SoftDistProgramStartedEvent", [])
        self.line(created + T(milliseconds=47), "Raised Program Started Event for Ad:%s, Package:%s, Program: %s"
                  % (program.advert, program.package, program.name), source="executioncontext.cpp:461")
        self.state(created + T(milliseconds=62), program, old, "Running")
        self.line(created + T(milliseconds=78), "Program %s is now running" % program.name,
                  source="executionrequest.cpp:3270")
        return created

    def finish(self, when, program, code, status, tries=None):
        self.line(when, "Program exit code %d" % code, source="executioncontext.cpp:1465")
        self.line(when + T(milliseconds=15), "Looking for MIF file to get program status",
                  source="executioncontext.cpp:1579")
        success = status.startswith("Success")
        self.line(when + T(milliseconds=31), "Script for Package:%s, Program: %s %s with exit code %d"
                  % (program.package, program.name, "succeeded" if success else "failed", code),
                  kind=1 if success else 3, source="executioncontext.cpp:1683")
        if status == "Success":
            cls, said = "SoftDistProgramCompletedSuccessfullyEvent", "Success"
        elif status == "SuccessRebootRequired":
            cls, said = "SoftDistProgramPrelimSuccessEvent", "Prelim Success"
        else:
            cls, said = "SoftDistProgramErrorEvent", "Error"
        extra = [("ExitCode", '"%d"' % code)]
        if not success:
            extra.append(("FailureReason", '""'))
        self.event(when + T(milliseconds=47), program, cls, extra)
        self.line(when + T(milliseconds=62), "Raised Program %s Event for Ad:%s, Package:%s, Program: %s"
                  % (said, program.advert, program.package, program.name),
                  kind=1 if success else 3, source="executioncontext.cpp:461")
        self.line(when + T(milliseconds=78), "Execution is complete for program %s. The exit code is %d, the execution "
                  "status is %s" % (program.name, code, status), source="execreqmgr.cpp:4238")
        self.state(when + T(milliseconds=93), program, "Running", status)
        if status == "FailureRetry":
            self.line(when + T(milliseconds=109), "Non fatal execution error encountered for program %s, exit code %d"
                      " is in the list of retry error codes." % (program.name, code), kind=2,
                      source="executionrequest.cpp:3522")
            self.line(when + T(milliseconds=125), "Program Exit Code %d has been tried %d times, will retry later"
                      % (code, tries), kind=2, source="executionrequest.cpp:3561")
            self.state(when + T(milliseconds=140), program, "FailureRetry", "WaitingRetry")
            self.line(when + T(milliseconds=156), "Scheduling retry of program %s in 600 seconds" % program.name,
                      source="executionrequest.cpp:3590")
        elif status == "FailureNonRetry":
            self.line(when + T(milliseconds=109), "Exit code %d is not in the list of retry error codes; program %s "
                      "will not be retried." % (code, program.name), kind=2, source="executionrequest.cpp:3538")
        self.line(when + T(milliseconds=171), "Raising client SDK event for class CCM_Program, instance CCM_Program."
                  "PackageID=\"%s\",ProgramID=\"%s\", actionType 1l, value NULL, user NULL, session 4294967295l, "
                  "level 0l, verbosity 30l" % (program.package, program.name), source="event.cpp:405")


# --------------------------------------------------------------------------------------------------------
# WKS-ACCT-014
# --------------------------------------------------------------------------------------------------------

ACCT_BIAS = 300
ACCT_ID = "5B8E4F2A-0C61-4F3D-9A7E-2D14C07E6B31"
OFFICE = Program("XYZ20031", "XYZ00045", "Office 2010 Setup, Silent",
                 '"C:\\WINDOWS\\system32\\CCM\\Cache\\XYZ00045.1.System\\setup.exe" /config ProPlus.WW\\config.xml',
                 "XYZ00045", "Office 2010 Professional Plus")
OUTLOOK = Program("XYZ20034", "XYZ00047", "Outlook 2010 Install",
                  '"C:\\WINDOWS\\system32\\CCM\\Cache\\XYZ00047.1.System\\setup.exe" /adminfile Outlook2010.MSP',
                  "XYZ00047", "Outlook 2010")
ADOBE = Program("XYZ20036", "XYZ00049", "Adobe Reader 9.4.1 Update",
                'msiexec.exe /p AdbeRdrUpd941_all_incr.msp /qn REINSTALL=ALL REINSTALLMODE=omus',
                "XYZ00049", "Adobe Reader 9")


def acct_execmgr():
    cache = "C:\\WINDOWS\\system32\\CCM\\Cache"
    old = CMTraceLog(ACCT_BIAS)
    em = ExecMgr(old, "WKS-ACCT-014", ACCT_ID, cache)
    t = at("01-13-2011 07:58:40.125")
    em.line(t, "Execution Manager service instance started", source="execmgr.cpp:151")
    em.line(t + T(milliseconds=203), "Loading execution requests from WMI", source="execreqmgr.cpp:1094")
    em.line(t + T(milliseconds=390), "No execution requests to load", source="execreqmgr.cpp:1131")
    for minutes in (15, 30):
        em.timer(t + T(minutes=minutes, milliseconds=17))

    # c) Adobe Reader: 1618, waits to retry, then its advertisement is removed.
    t = at("01-13-2011 08:52:06.455")
    em.policy_updated(t, ADOBE)
    em.request_content(t + T(milliseconds=140), ADOBE)
    em.content_ready(at("01-13-2011 08:52:31.702"), ADOBE)
    created = em.start(at("01-13-2011 08:57:31.749"), ADOBE)
    em.finish(at("01-13-2011 08:58:44.301"), ADOBE, 1618, "FailureRetry", tries=1)

    # a) Office: new policy while Adobe waits.
    t = at("01-13-2011 09:02:10.578")
    em.policy_updated(t, OFFICE)
    em.request_content(t + T(milliseconds=125), OFFICE)
    em.line(at("01-13-2011 09:02:11.020"), "Content for package XYZ00045 version 1 is being downloaded "
            "(624 MB); execution will continue when the download completes", source="executioncontext.cpp:1402")
    em.content_ready(at("01-13-2011 09:05:13.890"), OFFICE)

    # Adobe's advertisement is deleted on the site: removed while WaitingRetry, before its 600 s are over.
    t = at("01-13-2011 09:06:02.344")
    em.policy_removed(t, ADOBE)
    em.line(t + T(milliseconds=31), "Deleting execution request for program %s, advert %s, which was in state "
            "WaitingRetry" % (ADOBE.name, ADOBE.advert), source="execreqmgr.cpp:6302")
    em.line(t + T(milliseconds=47), "Cancelled the pending retry of program %s" % ADOBE.name,
            source="executionrequest.cpp:3611")

    em.start(at("01-13-2011 09:10:13.937"), OFFICE)
    for minutes in (15,):
        em.timer(at("01-13-2011 09:10:13.937") + T(minutes=minutes, milliseconds=3))
    em.finish(at("01-13-2011 09:31:40.827"), OFFICE, 999, "FailureRetry", tries=1)
    # WaitingRetry at 09:31:40.967; the rotation happens here and the story continues in execmgr.log.

    new = CMTraceLog(ACCT_BIAS)
    new.last = old.last
    em.log = new
    # 600 s after WaitingRetry the retry timer fires, then the 300 s mandatory countdown runs again.
    fired = at("01-13-2011 09:41:40.984")
    em.timer(fired)
    em.line(fired + T(milliseconds=15), "Retrying program %s for advertisement %s (retry interval of 600 seconds "
            "has elapsed)" % (OFFICE.name, OFFICE.advert), source="executionrequest.cpp:3640")
    em.state(fired + T(milliseconds=31), OFFICE, "WaitingRetry", "NotifyExecution")
    em.line(fired + T(milliseconds=47), "Notify user mandatory program %s is about to run in 300 seconds"
            % OFFICE.name, source="executionrequest.cpp:2541")
    created = em.start(at("01-13-2011 09:46:41.655"), OFFICE)
    assert created - at("01-13-2011 09:31:40.967") == T(minutes=15, seconds=1), created
    em.timer(at("01-13-2011 10:01:41.972"))
    em.finish(at("01-13-2011 10:07:12.406"), OFFICE, 999, "FailureRetry", tries=2)

    # b) Outlook: arrives after Office's second failure, runs, asks for a reboot.
    t = at("01-13-2011 10:08:40.211")
    em.policy_updated(t, OUTLOOK)
    em.request_content(t + T(milliseconds=109), OUTLOOK)
    em.content_ready(at("01-13-2011 10:09:36.118"), OUTLOOK)
    em.start(at("01-13-2011 10:14:36.165"), OUTLOOK)
    t = at("01-13-2011 10:19:02.734")
    em.finish(t, OUTLOOK, 3010, "SuccessRebootRequired")
    em.line(t + T(milliseconds=250), "Program %s requires a reboot; a restart of the computer is pending"
            % OUTLOOK.name, source="executionrequest.cpp:3702")
    em.line(t + T(milliseconds=281), "Requesting the SMS Reboot Coordinator to restart the computer in 300 seconds",
            source="executioncontext.cpp:1848")
    em.line(at("01-13-2011 10:20:41.093"), "The user has chosen to restart the computer now",
            source="executionrequest.cpp:2716")
    em.line(at("01-13-2011 10:20:43.500"), "Execution Manager service instance shutting down: system shutdown",
            source="execmgr.cpp:233")
    # After the reboot: the service starts, loads its requests, and is never heard from again (seed: "nada").
    t = at("01-13-2011 10:23:52.310")
    em.line(t, "Execution Manager service instance started", source="execmgr.cpp:151")
    em.line(t + T(milliseconds=187), "Loading execution requests from WMI", source="execreqmgr.cpp:1094")
    em.line(t + T(milliseconds=421), "Loaded 2 execution requests", source="execreqmgr.cpp:1131")
    em.line(t + T(milliseconds=437), "Waiting for the client to be registered before processing execution "
            "requests", kind=2, source="execreqmgr.cpp:1187")
    write_utf8_bom("WKS-ACCT-014/execmgr.lo_", old.text())
    write_utf8_bom("WKS-ACCT-014/execmgr.log", new.text())


def acct_client_id():
    log = CMTraceLog(ACCT_BIAS)
    comp, thread = "ClientIDManagerStartup", 3172

    def add(when, message, kind=1, source="ccmid.cpp:332"):
        log.add(when, message, comp, kind, thread, source)

    t = at("01-13-2011 07:58:31.640")
    add(t, "[----- SMS Client ID Manager Startup -----]", source="ccmid.cpp:101")
    add(t + T(milliseconds=31), "Computed HardwareID=2:A1E0C6B1D8F7A04A2A5E8F0D46D3F3C2B1D0A9E1", source="ccmid.cpp:688")
    add(t + T(milliseconds=47), "Win32_SystemEnclosure.SerialNumber=CNU0412XK7", source="ccmid.cpp:512")
    add(t + T(milliseconds=62), "Already have SMS Unique Identifier GUID:%s" % ACCT_ID, source="ccmid.cpp:1090")
    add(t + T(milliseconds=140), "[RegTask] - Executing registration task synchronously.", source="regtask.cpp:1502")
    add(t + T(milliseconds=421), "[RegTask] - Client is already registered. Exiting.", source="regtask.cpp:1561")
    # After Outlook's reboot the SMS certificate cannot be read: the loop from the seed, for hours.
    t = at("01-13-2011 10:23:47.203")
    add(t, "[----- SMS Client ID Manager Startup -----]", source="ccmid.cpp:101")
    add(t + T(milliseconds=16), "Computed HardwareID=2:A1E0C6B1D8F7A04A2A5E8F0D46D3F3C2B1D0A9E1", source="ccmid.cpp:688")
    add(t + T(milliseconds=31), "Already have SMS Unique Identifier GUID:%s" % ACCT_ID, source="ccmid.cpp:1090")
    add(t + T(milliseconds=62), "[RegTask] - Executing registration task synchronously.", source="regtask.cpp:1502")
    cycle = at("01-13-2011 10:23:48.015")
    end = at("01-13-2011 15:30:00.000")
    n = 0
    while cycle < end:
        add(cycle, "RegTask: Failed to get certificate. Error: 0x80004005", kind=3, source="regtask.cpp:1218")
        when = cycle
        for attempt in range(1, 6):
            when += T(seconds=5, milliseconds=7 + attempt)
            add(when, "Failed to find the certificate in the store, retry %d." % attempt, kind=3,
                source="certificatemaintenance.cpp:1073")
        add(when + T(milliseconds=31), "Already refreshed within the last 10 minutes, Sleeping for the next 9 minutes "
            "before reattempt.", source="regtask.cpp:1302")
        n += 1
        # 25 s of retries, 9 minutes asleep, a few seconds of drift.
        cycle = when + T(minutes=9, seconds=8 + n % 3, milliseconds=211)
    write_utf8_bom("WKS-ACCT-014/ClientIDManagerStartup.log", log.text())
    return n


def policy_id(program):
    return "%s-%s-%08X" % (program.advert, program.package, (hash_text(program.name) & 0xFFFFFFFF))


def hash_text(text):
    value = 2166136261
    for ch in text.encode("utf-8"):
        value = ((value ^ ch) * 16777619) & 0xFFFFFFFF
    return value


def guid(seed):
    h = "%08X%08X%08X%08X" % (hash_text(seed), hash_text(seed + "1"), hash_text(seed + "2"), hash_text(seed + "3"))
    return "{%s-%s-%s-%s-%s}" % (h[0:8], h[8:12], h[12:16], h[16:20], h[20:32])


class PolicyAgent:
    def __init__(self, log, machine):
        self.log, self.machine = log, machine

    def add(self, when, message, component, kind=1, thread=2312, source=""):
        self.log.add(when, message, component, kind, thread, source)

    def request(self, when):
        self.add(when, "Requesting Machine policy assignments", "PolicyAgent_RequestAssignments",
                 source="policyagentrequestassignments.cpp:112")
        self.add(when + T(milliseconds=15), "Requesting Machine policy assignments from authority 'SMS:%s'" % SITE,
                 "PolicyAgent_RequestAssignments", source="policyagentrequestassignments.cpp:148")
        self.add(when + T(milliseconds=62), "Raising event:\ninstance of CCM_PolicyAgent_AssignmentsRequested\n{\n"
                 "\tClientID = \"GUID:%s\";\n\tDateTime = \"%s\";\n\tPolicyNamespace = \"\\\\\\\\.\\\\ROOT\\\\ccm\\\\"
                 "policy\\\\machine\\\\RequestedConfig\";\n\tProcessID = 1164;\n\tResourceName = \"%s\";\n"
                 "\tResourceType = \"Machine\";\n\tThreadID = 2312;\n};\n"
                 % (self.client_id, utc_wmi(when, self.log.bias), self.machine),
                 "PolicyAgent_RequestAssignments", source="event.cpp:525")

    def reply(self, when, count, added=(), removed=()):
        self.add(when, "Received delta policy update with %d assignments" % count, "PolicyAgent_ReplyAssignments",
                 source="policyagentreplyassignments.cpp:1124", thread=2868)
        t = when + T(milliseconds=47)
        for program in added:
            pid = policy_id(program)
            self.add(t, "Policy Agent is processing assignment {%s} for policy %s (version 1.00)"
                     % (pid, pid), "PolicyAgent_ReplyAssignments", thread=2868,
                     source="policyagentreplyassignments.cpp:1218")
            t += T(milliseconds=203)
            self.add(t, "Download of policy CCM_Policy_Policy4.PolicyID=\"%s\",PolicySource=\"SMS:%s\","
                     "PolicyVersion=\"1.00\" completed (DTS Job ID: %s)" % (pid, SITE, guid(pid)),
                     "PolicyAgent_PolicyDownload", thread=3412, source="policydownloadendpoint.cpp:282")
            t += T(milliseconds=31)
            self.add(t, "Applying policy %s for %s (%s, %s)" % (pid, program.name, program.advert, program.package),
                     "PolicyAgent_PolicyEvaluator", thread=3412, source="policyagentevaluator.cpp:402")
            t += T(milliseconds=62)
        for program in removed:
            pid = policy_id(program)
            self.add(t, "Assignment {%s} is no longer targeted; deleting policy %s" % (pid, pid),
                     "PolicyAgent_ReplyAssignments", thread=2868, source="policyagentreplyassignments.cpp:1302")
            t += T(milliseconds=78)
            self.add(t, "Deleted policy instance CCM_Policy_Policy4.PolicyID=\"%s\" for %s" % (pid, program.name),
                     "PolicyAgent_PolicyEvaluator", thread=3412, source="policyagentevaluator.cpp:518")
            t += T(milliseconds=31)
        return t


def acct_policy_agent():
    log = CMTraceLog(ACCT_BIAS)
    pa = PolicyAgent(log, "WKS-ACCT-014")
    pa.client_id = ACCT_ID
    pa.add(at("01-13-2011 07:58:44.781"), "Policy Agent service started", "PolicyAgent_Startup",
           source="policyagent.cpp:212", thread=1836)
    pa.request(at("01-13-2011 07:59:12.062"))
    pa.reply(at("01-13-2011 07:59:14.437"), 14)
    pa.request(at("01-13-2011 08:51:58.109"))
    pa.reply(at("01-13-2011 08:52:05.812"), 15, added=[ADOBE])
    pa.request(at("01-13-2011 09:01:59.250"))
    pa.reply(at("01-13-2011 09:02:09.906"), 16, added=[OFFICE])
    pa.request(at("01-13-2011 09:05:54.031"))
    pa.reply(at("01-13-2011 09:06:01.703"), 15, removed=[ADOBE])
    pa.request(at("01-13-2011 10:08:31.875"))
    pa.reply(at("01-13-2011 10:08:39.500"), 16, added=[OUTLOOK])
    # After the reboot: every request needs the client's signing certificate, which is gone.
    pa.add(at("01-13-2011 10:23:49.921"), "Policy Agent service started", "PolicyAgent_Startup",
           source="policyagent.cpp:212", thread=1808)
    t = at("01-13-2011 10:24:21.437")
    while t < at("01-13-2011 15:30:00.000"):
        pa.add(t, "Requesting Machine policy assignments", "PolicyAgent_RequestAssignments",
               source="policyagentrequestassignments.cpp:112")
        pa.add(t + T(milliseconds=46), "Failed to get the client certificate to sign the policy request. "
               "Error 0x80004005", "PolicyAgent_RequestAssignments", kind=3,
               source="policyagentrequestassignments.cpp:371")
        pa.add(t + T(milliseconds=62), "Policy assignment request failed; will retry at the next policy "
               "evaluation cycle (60 minutes)", "PolicyAgent_RequestAssignments", kind=2,
               source="policyagentrequestassignments.cpp:402")
        t += T(minutes=60, seconds=3, milliseconds=125)
    write_utf8_bom("WKS-ACCT-014/PolicyAgent.log", log.text())


def cas_download(log, start, program, size_kb, seconds, dp, thread=3368, bias_note=""):
    request = guid("req" + program.package)
    add = lambda when, message, kind=1, source="": log.add(when, message, "ContentAccess", kind, thread, source)
    add(start, "Requesting locations synchronously for content %s.1 with priority Medium" % program.package,
        source="contentaccessservice.cpp:1102")
    add(start + T(milliseconds=125), "Location update from CTM for content %s.1 and request %s"
        % (program.package, request), source="contentaccessservice.cpp:1240")
    add(start + T(milliseconds=140), "Distribution Point='%s', Locality='LOCAL', DPType='SERVER', Version='6487', "
        "Capabilities='<Capabilities SchemaVersion=\"1.0\"><Property Name=\"SSLState\" Value=\"0\"/></Capabilities>'"
        % dp, source="contentaccessservice.cpp:1297")
    add(start + T(milliseconds=171), "Download request only, ignoring location update", source="contentaccessservice.cpp:1318")
    add(start + T(milliseconds=203), "Download started for content %s.1" % program.package,
        source="contentaccessservice.cpp:1421")
    add(start + T(milliseconds=218), "Cache space required %d KB for content %s.1" % (size_kb, program.package),
        source="cachemanager.cpp:833")
    done = start + T(seconds=seconds)
    add(done, "Download completed for content %s.1 under context System" % program.package,
        source="contentaccessservice.cpp:1590")
    add(done + T(milliseconds=31), "Saved Content ID Mapping %s.1, %s\\%s.1.System" % (
        program.package, log.cache, program.package), source="cachemanager.cpp:512")
    return done


def acct_cas():
    log = CMTraceLog(ACCT_BIAS)
    log.cache = "C:\\WINDOWS\\system32\\CCM\\Cache"
    dp = "http://SITE-SERVER.corp.contoso.com/SMS_DP_SMSPKGC$/%s"
    log.add(at("01-13-2011 07:58:45.390"), "Content Access service started. Cache location C:\\WINDOWS\\system32\\"
            "CCM\\Cache, size 5120 MB, 4211 MB free", "ContentAccess", 1, 1944, "contentaccessservice.cpp:212")
    log.add(at("01-13-2011 07:58:45.421"), "Cleaning up expired cache items older than 1440 minutes", "ContentAccess",
            1, 1944, "cachemanager.cpp:1204")
    log.add(at("01-13-2011 07:58:45.515"), "Deleted cache item XYZ00031.2 (last referenced 01-05-2011)",
            "ContentAccess", 1, 1944, "cachemanager.cpp:1251")
    cas_download(log, at("01-13-2011 08:52:06.750"), ADOBE, 38124, 24, dp % ADOBE.package)
    cas_download(log, at("01-13-2011 09:02:10.828"), OFFICE, 639488, 182, dp % OFFICE.package)
    cas_download(log, at("01-13-2011 10:08:40.445"), OUTLOOK, 61240, 55, dp % OUTLOOK.package)
    log.add(at("01-13-2011 10:23:51.062"), "Content Access service started. Cache location C:\\WINDOWS\\system32\\"
            "CCM\\Cache, size 5120 MB, 3494 MB free", "ContentAccess", 1, 1952, "contentaccessservice.cpp:212")
    write_utf8_bom("WKS-ACCT-014/CAS.log", log.text())


# --------------------------------------------------------------------------------------------------------
# WKS-LAB-007
# --------------------------------------------------------------------------------------------------------

LAB_BIAS = -60
LAB_ID = "C3D9A174-66E2-4B0B-8F51-7A20E9D4C815"
VISIO = Program("XYZ20041", "XYZ00051", "Visio Viewer 2010",
                'msiexec.exe /i VisioViewer.msi /qn /l*v "C:\\Windows\\Temp\\VisioViewer2010.log"',
                "XYZ00051", "Visio Viewer 2010")
SEVENZIP = Program("XYZ20042", "XYZ00052", "7-Zip 9.20 x64",
                   'msiexec.exe /i 7z920-x64.msi /qn', "XYZ00052", "7-Zip 9.20")


def lab_execmgr():
    cache = "C:\\Windows\\system32\\CCM\\Cache"
    log = CMTraceLog(LAB_BIAS)
    em = ExecMgr(log, "WKS-LAB-007", LAB_ID, cache)
    em.thread = 3044
    t = at("01-14-2011 08:57:40.218")
    em.line(t, "Execution Manager service instance started", source="execmgr.cpp:151")
    em.line(t + T(milliseconds=171), "Loading execution requests from WMI", source="execreqmgr.cpp:1094")
    em.line(t + T(milliseconds=312), "No execution requests to load", source="execreqmgr.cpp:1131")
    t = at("01-14-2011 09:10:44.656")
    em.policy_updated(t, VISIO)
    em.policy_updated(t + T(milliseconds=16), SEVENZIP)
    em.request_content(t + T(milliseconds=94), VISIO)
    em.request_content(t + T(milliseconds=203), SEVENZIP)
    em.content_ready(at("01-14-2011 09:11:59.734"), VISIO)
    em.line(at("01-14-2011 09:12:21.093"), "Content is available for program %s." % SEVENZIP.name,
            source="executionrequest.cpp:3094")
    em.line(at("01-14-2011 09:12:21.109"), "Another program is about to run; program %s will wait" % SEVENZIP.name,
            source="execreqmgr.cpp:3412")
    em.start(at("01-14-2011 09:16:59.781"), VISIO)
    em.finish(at("01-14-2011 09:17:48.250"), VISIO, 1, "FailureNonRetry")
    em.state(at("01-14-2011 09:17:48.593"), SEVENZIP, "WaitingContent", "NotifyExecution")
    em.line(at("01-14-2011 09:17:48.609"), "Notify user mandatory program %s is about to run in 300 seconds"
            % SEVENZIP.name, source="executionrequest.cpp:2541")
    em.start(at("01-14-2011 09:22:48.640"), SEVENZIP)
    em.finish(at("01-14-2011 09:22:57.171"), SEVENZIP, 0, "Success")
    # Hours of timer ticks and no retry of Visio Viewer: exit code 1 is final.
    t = at("01-14-2011 09:37:57.187")
    while t < at("01-14-2011 12:00:00.000"):
        em.timer(t)
        em.line(t + T(milliseconds=15), "No execution requests are waiting to run", source="execreqmgr.cpp:3310")
        t += T(minutes=15, milliseconds=16)
    write_utf8_bom("WKS-LAB-007/execmgr.log", log.text())


def lab_policy_agent():
    log = CMTraceLog(LAB_BIAS)
    pa = PolicyAgent(log, "WKS-LAB-007")
    pa.client_id = LAB_ID
    pa.add(at("01-14-2011 08:57:33.515"), "Policy Agent service started", "PolicyAgent_Startup",
           source="policyagent.cpp:212", thread=1772)
    pa.request(at("01-14-2011 08:58:10.031"))
    pa.reply(at("01-14-2011 08:58:12.890"), 12)
    pa.request(at("01-14-2011 09:10:36.468"))
    pa.reply(at("01-14-2011 09:10:43.937"), 14, added=[VISIO, SEVENZIP])
    t = at("01-14-2011 10:10:37.000")
    while t < at("01-14-2011 12:00:00.000"):
        pa.request(t)
        pa.reply(t + T(seconds=6, milliseconds=312), 14)
        t += T(minutes=60, milliseconds=125)
    data = "\ufeff" + log.text()
    write_bytes("WKS-LAB-007/PolicyAgent.log", data.encode("utf-16-le"))


def lab_cas():
    log = CMTraceLog(LAB_BIAS)
    log.cache = "C:\\Windows\\system32\\CCM\\Cache"
    add = lambda when, message, kind=1, thread=2716, source="contentaccessservice.cpp:212": log.add(
        when, message, "ContentAccess", kind, thread, source)
    add(at("01-13-2011 08:02:14.453"), "Content Access service started. Cache location C:\\Windows\\system32\\CCM\\"
        "Cache, size 5120 MB, 4870 MB free")
    add(at("01-13-2011 08:02:14.500"), "Cleaning up expired cache items older than 1440 minutes",
        source="cachemanager.cpp:1204")
    add(at("01-13-2011 17:31:02.906"), "Content Access service is stopping", source="contentaccessservice.cpp:298")
    # The writer was killed mid-attributes at shutdown: no closing '">' and no line end.
    log.raw('<![LOG[Persisting cache index to disk]LOG]!><time="17:31:03.015-060" date="01-13-2011" compon')
    add(at("01-14-2011 08:31:40.140"), "Content Access service started. Cache location C:\\Windows\\system32\\CCM\\"
        "Cache, size 5120 MB, 4870 MB free", thread=2744)
    add(at("01-14-2011 08:31:40.187"), "Cache index was not closed cleanly; rebuilding it from the cache folder",
        kind=2, thread=2744, source="cachemanager.cpp:402")
    add(at("01-14-2011 08:31:41.031"), "Rebuilt cache index: 3 items, 412 MB", thread=2744, source="cachemanager.cpp:455")
    add(at("01-14-2011 08:40:12.593"), "Cleaning up expired cache items older than 1440 minutes", thread=2744,
        source="cachemanager.cpp:1204")
    # Power loss: the file had been extended but the data never reached the disk.
    log.raw("\x00" * 203)
    before = log
    log = CMTraceLog(LAB_BIAS, interleaved=True)
    log.cache = before.cache
    add = lambda when, message, kind=1, thread=2716, source="contentaccessservice.cpp:212": log.add(
        when, message, "ContentAccess", kind, thread, source)
    add(at("01-14-2011 08:57:41.265"), "Content Access service started. Cache location C:\\Windows\\system32\\CCM\\"
        "Cache, size 5120 MB, 4870 MB free", thread=2736)
    dp_fr = "\\\\PAR-DP01.corp.contoso.com\\T\u00e9l\u00e9chargement$\\%s"
    cas_download(log, at("01-14-2011 09:10:44.812"), VISIO, 5870, 71, "http://PAR-DP01.corp.contoso.com/"
                 "SMS_DP_SMSPKGC$/%s" % VISIO.package, thread=2736)
    t = at("01-14-2011 09:10:44.968")
    add(t, "Requesting locations synchronously for content %s.1 with priority Medium" % SEVENZIP.package, thread=2992,
        source="contentaccessservice.cpp:1102")
    # This line came through a code path that wrote ANSI (cp1252), not UTF-8: invalid UTF-8 on disk.
    add(t + T(seconds=1, milliseconds=203), "Falling back to the UNC share of the distribution point: "
        + dp_fr % SEVENZIP.package + " (T\u00e9l\u00e9chargement de secours)", kind=2, thread=2992,
        source="contentaccessservice.cpp:1355")
    add(at("01-14-2011 09:10:46.234"), "Download started for content %s.1" % SEVENZIP.package, thread=2992,
        source="contentaccessservice.cpp:1421")
    add(at("01-14-2011 09:12:21.015"), "Download completed for content %s.1 under context System"
        % SEVENZIP.package, thread=2992, source="contentaccessservice.cpp:1590")
    add(at("01-14-2011 09:12:21.046"), "Saved Content ID Mapping %s.1, %s\\%s.1.System"
        % (SEVENZIP.package, log.cache, SEVENZIP.package), thread=2992, source="cachemanager.cpp:512")
    text = before.text() + log.text()
    marker = "Falling back to the UNC share"
    head, tail = text.split(marker, 1)
    line_end = tail.index("\r\n")
    data = (b"\xef\xbb\xbf" + head.encode("utf-8") + (marker + tail[:line_end]).encode("cp1252")
            + tail[line_end:].encode("utf-8"))
    write_bytes("WKS-LAB-007/CAS.log", data)


def lab_client_id():
    log = CMTraceLog(LAB_BIAS)
    add = lambda when, message, kind=1, source="ccmid.cpp:332": log.add(
        when, message, "ClientIDManagerStartup", kind, 2640, source)
    t = at("01-14-2011 08:57:31.984")
    add(t, "[----- SMS Client ID Manager Startup -----]", source="ccmid.cpp:101")
    add(t + T(milliseconds=15), "Computed HardwareID=2:6F2C9D0E81B74A35C2E0D9A17B3F44E85D2C1B0A", source="ccmid.cpp:688")
    add(t + T(milliseconds=31), "Win32_SystemEnclosure.SerialNumber=CZC1029HJ4", source="ccmid.cpp:512")
    add(t + T(milliseconds=46), "Already have SMS Unique Identifier GUID:%s" % LAB_ID, source="ccmid.cpp:1090")
    add(t + T(milliseconds=109), "[RegTask] - Executing registration task synchronously.", source="regtask.cpp:1502")
    add(t + T(milliseconds=250), "Read SMBIOS (encoded): 43005A0043003100300032003900480004A", source="regtask.cpp:1184")
    add(t + T(milliseconds=265), "Evaluated SMBIOS (encoded): 43005A0043003100300032003900480004A",
        source="regtask.cpp:1191")
    add(t + T(milliseconds=281), "Found the SMS signing certificate in the store", source="certificatemaintenance.cpp:1031")
    add(t + T(milliseconds=296), "[RegTask] - Sending registration request to %s" % MP, source="regtask.cpp:1620")
    add(t + T(seconds=1, milliseconds=62), "[RegTask] - Client is registered. Server assigned ClientID is GUID:%s. "
        "Approval status 1" % LAB_ID, source="regtask.cpp:1661")
    add(t + T(seconds=1, milliseconds=78), "[RegTask] - Client is already registered. Exiting.", source="regtask.cpp:1561")
    write_utf8_bom("WKS-LAB-007/ClientIDManagerStartup.log", log.text())


# --------------------------------------------------------------------------------------------------------
# BUILD-CAP-01
# --------------------------------------------------------------------------------------------------------

CAP_BIAS = 480
UPDATES = [
    ("KB2425227", "Security Update for Windows 7 for x64-based Systems (KB2425227)", 16783921),
    ("KB2419640", "Security Update for Windows 7 for x64-based Systems (KB2419640)", 16783944),
    ("KB2423089", "Security Update for Windows 7 for x64-based Systems (KB2423089)", 16783950),
    ("KB2416471", "Security Update for Windows 7 for x64-based Systems (KB2416471)", 16783961),
    ("KB2387149", "Security Update for Windows 7 for x64-based Systems (KB2387149)", 16783977),
    ("KB2378111", "Security Update for Windows 7 for x64-based Systems (KB2378111)", 16783980),
    ("KB2296011", "Security Update for Windows 7 for x64-based Systems (KB2296011)", 16783994),
    ("KB2305420", "Security Update for Windows 7 for x64-based Systems (KB2305420)", 16784002),
    ("KB2440591", "Security Update for Windows 7 for x64-based Systems (KB2440591)", 16784013),
    ("KB2442962", "Security Update for Windows 7 for x64-based Systems (KB2442962)", 16784020),
    ("KB2443685", "Update for Windows 7 for x64-based Systems (KB2443685)", 16784031),
    ("KB976902", "Update for Windows 7 for x64-based Systems (KB976902)", 16784047),
]


def cap_smsts():
    log = CMTraceLog(CAP_BIAS)
    add = lambda when, message, comp="TSManager", kind=1, thread=1208, source="": log.add(
        when, message, comp, kind, thread, source)
    steps = [("01-14-2011 12:04:10.220", "Format and Partition Disk", "SMS_TaskSequence_PartitionDiskAction",
              "osddiskpart.exe"),
             ("01-14-2011 12:04:41.671", "Apply Operating System", "SMS_TaskSequence_ApplyOperatingSystemAction",
              "osdapplyos.exe /image:XYZ00012,1 /target:C: /runfromnet:False"),
             ("01-14-2011 12:19:55.104", "Apply Windows Settings", "SMS_TaskSequence_ApplyWindowsSettingsAction",
              "osdwinsettings.exe /config"),
             ("01-14-2011 12:19:57.330", "Apply Network Settings", "SMS_TaskSequence_ApplyNetworkSettingsAction",
              "osdnetsettings.exe configure"),
             ("01-14-2011 12:19:58.875", "Setup Windows and ConfigMgr", "SMS_TaskSequence_SetupWindowsAndSMSAction",
              "OSDSetupWindows.exe"),
             ("01-14-2011 13:02:44.512", "Install Software Updates", "SMS_TaskSequence_InstallSoftwareUpdateAction",
              "smsswd.exe /run: TSInstallSWUpdate.exe")]
    t = at("01-14-2011 12:03:58.531")
    add(t, "Task Sequence Manager started. Task sequence: Windows 7 Enterprise x64 - Build and Capture (XYZ00010)",
        source="tsmanager.cpp:1012")
    add(t + T(milliseconds=47), "Running in Windows PE", source="tsmanager.cpp:1030")
    add(t + T(milliseconds=62), "Set a global environment variable _SMSTSInstructionTableSize=14", source="executionenv.cxx:668")
    for pointer, (when, name, action, command) in enumerate(steps):
        t = at(when)
        if name == "Setup Windows and ConfigMgr":
            pass
        if name == "Install Software Updates":
            add(t - T(minutes=2, seconds=14), "Task Sequence Manager started in the full operating system "
                "(resumed after Setup Windows and ConfigMgr)", source="tsmanager.cpp:1012", thread=2212)
            add(t - T(minutes=2, seconds=13), "Joined workgroup WORKGROUP; the computer is not a member of a domain",
                source="tsmanager.cpp:1088", thread=2212)
        thread = 2212 if name == "Install Software Updates" else 1208
        idx = pointer * 2 + 1
        add(t, "Set a global environment variable _SMSTSNextInstructionPointer=%d" % idx,
            source="executionenv.cxx:668", thread=thread)
        add(t + T(milliseconds=15), "Start executing an instruction. Instruction name: %s. Instruction pointer: %d"
            % (name, idx), source="engine.cxx:178", thread=thread)
        add(t + T(milliseconds=31), "Set a global environment variable _SMSTSCurrentActionName=%s" % name,
            source="executionenv.cxx:668", thread=thread)
        add(t + T(milliseconds=46), "Expand a string: %s" % command, source="executionenv.cxx:782", thread=thread)
        add(t + T(milliseconds=62), "Executing command line: %s" % command, source="commandline.cpp:805",
            thread=thread)
        if name != "Install Software Updates":
            done = at(steps[pointer + 1][0]) - T(seconds=1, milliseconds=203) if pointer + 1 < len(steps) else t
            if name == "Setup Windows and ConfigMgr":
                done = t + T(seconds=40)
                add(done - T(seconds=2), "Windows setup will now run; the task sequence resumes in the full "
                    "operating system", comp="OSDSetupHook", source="setuphook.cpp:288")
            add(done, "Process completed with exit code 0", source="commandline.cpp:1102", thread=thread)
            add(done + T(milliseconds=15), "Successfully completed the action (%s) with the exit win32 code 0"
                % name, source="instruction.cxx:805", thread=thread)
    # Install Software Updates: the scan works, the install never progresses.
    t = at("01-14-2011 13:02:45.015")
    add = lambda when, message, kind=1, source="installswupdate.cpp:402": log.add(
        when, message, "InstallSWUpdate", kind, 2468, source)
    add(t, "Command line for extension .exe is \"%1\" %*")
    add(t + T(milliseconds=31), "Set command line: \"TSInstallSWUpdate.exe\"", source="installswupdate.cpp:96")
    add(t + T(milliseconds=46), "Installing all updates targeted for this computer (mandatory and optional)",
        source="installswupdate.cpp:120")
    add(t + T(milliseconds=62), "Initiating updates scan", source="installswupdate.cpp:388")
    add(at("01-14-2011 13:03:58.437"), "Updates scan completed, result = 0x0", source="installswupdate.cpp:416")
    add(at("01-14-2011 13:03:58.750"), "Found 12 applicable updates for this computer", source="installswupdate.cpp:471")
    add(at("01-14-2011 13:03:58.781"), "Installation of updates started", source="installswupdate.cpp:560")
    add(at("01-14-2011 13:03:59.015"), "Installing Update 1 of 12. Name = %s" % UPDATES[0][1],
        source="installswupdate.cpp:618")
    add(at("01-14-2011 13:03:59.046"), "Progress: Installing Update 1 of 12", source="installswupdate.cpp:625")
    add(at("01-14-2011 13:03:59.062"), "Waiting for installation job to complete", source="installswupdate.cpp:649")
    write_utf8_bom("BUILD-CAP-01/smsts.log", log.text())


def cap_updates_handler():
    log = CMTraceLog(CAP_BIAS)
    add = lambda when, message, kind=1, thread=2536, source="cupdatehandler.cpp:212": log.add(
        when, message, "UpdatesHandler", kind, thread, source)
    add(at("01-14-2011 13:03:58.828"), "Initiating download and install of 12 updates for job %s"
        % guid("job-cap"), source="cupdatehandler.cpp:402")
    t = at("01-14-2011 13:03:58.875")
    for kb, name, content in UPDATES:
        add(t, "Update (Site_%s/SUM_%s) added to the targeted list of deployment (%s)"
            % (guid("site"), guid(kb)[1:-1], guid("deploy")), source="cupdatehandler.cpp:588")
        t += T(milliseconds=15)
    add(at("01-14-2011 13:03:59.109"), "Starting download of content for update 1 of 12 (%s), ContentID = %d"
        % (UPDATES[0][0], UPDATES[0][2]), source="cupdatehandler.cpp:1102")
    add(at("01-14-2011 13:04:00.343"), "Content location request for ContentID %d returned no distribution points"
        % UPDATES[0][2], kind=2, source="ccontentdownload.cpp:318")
    add(at("01-14-2011 13:04:00.359"), "CContentDownload::StartDownload - failed to get locations for content "
        "%d, error = 0x80040669" % UPDATES[0][2], kind=3, source="ccontentdownload.cpp:341")
    add(at("01-14-2011 13:04:00.375"), "Failed to download update content (ContentID=%d), error = 0x80040669. "
        "The download will be retried." % UPDATES[0][2], kind=3, source="cupdatehandler.cpp:1131")
    add(at("01-14-2011 13:04:00.390"), "Update 1 of 12 remains in state WaitingForContent", kind=2,
        source="cupdatehandler.cpp:1150")
    t = at("01-14-2011 14:04:00.421")
    while t < at("01-14-2011 20:00:00.000"):
        add(t, "Retrying download of content for update 1 of 12 (%s), ContentID = %d"
            % (UPDATES[0][0], UPDATES[0][2]), source="cupdatehandler.cpp:1102")
        add(t + T(seconds=1, milliseconds=203), "CContentDownload::StartDownload - failed to get locations for "
            "content %d, error = 0x80040669" % UPDATES[0][2], kind=3, source="ccontentdownload.cpp:341")
        add(t + T(seconds=1, milliseconds=218), "Failed to download update content (ContentID=%d), error = "
            "0x80040669. The download will be retried." % UPDATES[0][2], kind=3, source="cupdatehandler.cpp:1131")
        t += T(minutes=60, seconds=1, milliseconds=234)
    write_utf8_bom("BUILD-CAP-01/UpdateHandler.log", log.text())


def cap_location_services():
    log = CMTraceLog(CAP_BIAS)
    add = lambda when, message, kind=1, thread=2384, source="lsad.cpp:212": log.add(
        when, message, "LocationServices", kind, thread, source)

    def lookup(t, content):
        add(t, "Current AD site of machine is ", source="lsad.cpp:1162")
        add(t + T(milliseconds=15), "Unable to retrieve AD site membership: the computer is not joined to a domain "
            "(0x8007054B)", kind=2, source="lsad.cpp:1170")
        add(t + T(milliseconds=31), "Domain joined client is in Intranet = FALSE; using workgroup client settings",
            source="lsutils.cpp:403")
        add(t + T(milliseconds=46), "Created filter for LS request: <ContentLocationRequest SchemaVersion=\"1.00\">"
            "<Package ID=\"UID:%s\" Version=\"1\"/><AssignedSite SiteCode=\"%s\"/><ClientLocationInfo "
            "LocationType=\"SMSUpdate\" UseProtected=\"0\" AllowCaching=\"0\" BranchDPFlags=\"0\" UseInternetDP=\"0\">"
            "<ADSite Name=\"\"/><IPAddresses><IPAddress SubnetAddress=\"192.168.250.0\" Address=\"192.168.250.117\"/>"
            "</IPAddresses></ClientLocationInfo></ContentLocationRequest>" % (guid(content)[1:-1].lower(), SITE),
            source="lsutils.cpp:1120")
        add(t + T(milliseconds=781), "ContentLocationReply : <ContentLocationReply SchemaVersion=\"1.00\"><Sites>"
            "<Site><MPSite SiteCode=\"%s\" MasterSiteCode=\"%s\" SiteLocality=\"LOCAL\"/><LocationRecords/></Site>"
            "</Sites></ContentLocationReply>" % (SITE, SITE), source="lsutils.cpp:1203")
        add(t + T(milliseconds=796), "Unable to find site for this client: no boundary contains AD site '' or IP "
            "subnet '192.168.250.0'", kind=3, source="lsutils.cpp:1238")
        add(t + T(milliseconds=812), "Content location request for UID:%s returned 0 distribution points"
            % guid(content)[1:-1].lower(), kind=2, source="lsutils.cpp:1250")

    t = at("01-14-2011 12:58:31.906")
    add(t, "LSGetAssignedSiteFromRegistry : Assigned site is %s (set by the task sequence)" % SITE,
        source="lsutils.cpp:298")
    add(t + T(milliseconds=31), "Current AD site of machine is ", source="lsad.cpp:1162")
    add(t + T(milliseconds=46), "Unable to retrieve AD site membership: the computer is not joined to a domain "
        "(0x8007054B)", kind=2, source="lsad.cpp:1170")
    add(t + T(milliseconds=62), "Attempting to retrieve default management point from the registry",
        source="lsutils.cpp:512")
    add(t + T(milliseconds=78), "Retrieved default management point from the registry: %s" % MP,
        source="lsutils.cpp:530")
    add(t + T(milliseconds=93), "Unable to retrieve local management points from AD: the computer is not in a "
        "domain", kind=2, source="lsad.cpp:655")
    lookup(at("01-14-2011 13:04:00.093"), UPDATES[0][0])
    t = at("01-14-2011 14:04:01.140")
    while t < at("01-14-2011 20:00:00.000"):
        lookup(t, UPDATES[0][0])
        t += T(minutes=60, seconds=1, milliseconds=234)
    write_utf8_bom("BUILD-CAP-01/LocationServices.log", log.text())


def cap_wua_handler():
    log = CMTraceLog(CAP_BIAS)
    add = lambda when, message, kind=1, thread=2536, source="cwuahandler.cpp:212": log.add(
        when, message, "WUAHandler", kind, thread, source)
    add(at("01-14-2011 13:00:12.531"), "Its a WSUS Update Source type ({%s}), adding it." % guid("wsus")[1:-1],
        source="sourcemanager.cpp:1230")
    add(at("01-14-2011 13:00:12.593"), "This device is not joined to a domain; skipping Group Policy registration.",
        source="sourcemanager.cpp:1316")
    add(at("01-14-2011 13:00:12.625"), "Enabling WUA Managed server policy to use server: http://%s:80" % MP,
        source="sourcemanager.cpp:1412")
    add(at("01-14-2011 13:00:12.671"), "Waiting for 2 mins for Group Policy to notify of WUA policy change...",
        source="sourcemanager.cpp:1443")
    add(at("01-14-2011 13:02:12.718"), "Waiting for 2 mins for Group Policy to notify of WUA policy change...",
        source="sourcemanager.cpp:1443")
    add(at("01-14-2011 13:02:12.734"), "Group Policy did not notify of the change in time; WUA policy applied "
        "locally", kind=2, source="sourcemanager.cpp:1460")
    add(at("01-14-2011 13:02:12.843"), "Added Update Source ({%s}) of content type: 2" % guid("wsus")[1:-1],
        source="sourcemanager.cpp:1501")
    add(at("01-14-2011 13:02:45.140"), "Async searching of updates using WUAgent started.", source="cwuahandler.cpp:1912")
    add(at("01-14-2011 13:03:58.359"), "Async searching completed.", source="cwuahandler.cpp:1935")
    add(at("01-14-2011 13:03:58.406"), "Successfully completed scan.", source="cwuahandler.cpp:2109")
    add(at("01-14-2011 13:03:58.843"), "Async installation of updates started. Waiting for content of 12 updates",
        source="cwuahandler.cpp:2530")
    write_utf8_bom("BUILD-CAP-01/WUAHandler.log", log.text())


# --------------------------------------------------------------------------------------------------------
# SITE-SERVER: legacy SMS format
# --------------------------------------------------------------------------------------------------------

def site_distmgr():
    bias = 300
    lines = []
    last = [None]

    def add(when, message, thread=2484, wrap=False):
        when = at(when)
        assert last[0] is None or when >= last[0], message
        last[0] = when
        stamp = "%s.%03d+%d" % (when.strftime("%m-%d-%Y %H:%M:%S"), when.microsecond // 1000, bias)
        sep = "\r\n" if wrap else ""
        lines.append("%s  $$<SMS_DISTRIBUTION_MANAGER>%s<%s><thread=%d (0x%X)>\r\n" % (message, sep, stamp, thread, thread))

    def statmsg(when, ident, thread, istr):
        utc = at(when) + T(minutes=bias)
        text = 'STATMSG: ID=%d SEV=I LEV=M SOURCE="SMS Server" COMP="SMS_DISTRIBUTION_MANAGER" SYS=SITE-SERVER ' \
               'SITE=%s PID=2212 TID=%d GMTDATE=%s.%03d %s' % (
                   ident, SITE, thread, utc.strftime("%a %b %d %H:%M:%S"), utc.microsecond // 1000,
                   utc.strftime("%Y")) + "".join(' ISTR%d="%s"' % pair for pair in enumerate(istr)) + \
               ' ISTR%d=""' % len(istr) + ' NUMATTRS=1 AID0=400 AVAL0="%s"' % istr[1]
        add(when, text, thread)

    lines.append("ROLLOVER\r\n")
    add("01-13-2011 06:58:12.104", "SMS_EXECUTIVE started SMS_DISTRIBUTION_MANAGER as thread ID 2484 (0x9B4).")
    add("01-13-2011 06:58:12.135", "~Distribution Manager is starting up", 2484)
    add("01-13-2011 06:58:12.151", "~Used 0 out of 3 allowed processing threads.")
    packages = [("XYZ00049", "Adobe Reader 9", "06:59:40.211", 38124),
                ("XYZ00045", "Office 2010 Professional Plus", "07:14:03.558", 639488),
                ("XYZ00047", "Outlook 2010", "07:52:17.902", 61240),
                ("XYZ00051", "Visio Viewer 2010", "08:05:44.310", 5870),
                ("XYZ00052", "7-Zip 9.20", "08:06:01.727", 1102)]
    for index, (package, name, when, size) in enumerate(packages):
        thread = 3108 + index * 4
        base = at("01-13-2011 " + when)
        stamp = lambda delta: (base + T(seconds=delta)).strftime("%m-%d-%Y %H:%M:%S.") + \
            "%03d" % ((base + T(seconds=delta)).microsecond // 1000)
        add(stamp(0), "~Found package properties updated notification for package %s" % package)
        add(stamp(0.031), "~Starting package processing thread, thread ID = 0x%X (%d)" % (thread, thread))
        add(stamp(0.047), "~Processing package %s (SourceVersion:1;StoredVersion:1)" % package, thread)
        add(stamp(0.062), "~Start adding package %s..." % package, thread)
        add(stamp(0.078), "~The source directory \\\\FS01\\Packages$\\%s\\ for package %s exists" % (name, package),
            thread, wrap=(package == "XYZ00047"))
        seconds = max(2, size // 2100)
        add(stamp(seconds), "~Successfully compressed package %s (%d KB)" % (package, size), thread)
        statmsg(stamp(seconds + 0.016), 2311, thread, [name, package])
        add(stamp(seconds + 0.125), "~Package %s does not have a preferred sender." % package, thread)
        for offset, dp in ((0, "SITE-SERVER"), (1.5, "PAR-DP01")):
            add(stamp(seconds + offset + 0.140), "~Set share security on share \\\\%s\\SMSPKGC$\\%s" % (dp, package), thread)
            add(stamp(seconds + offset + 0.156), "~Successfully sent the package %s to the distribution point \\\\%s"
                % (package, dp), thread)
        statmsg(stamp(seconds + 1.671), 2301, thread, [name, package])
        add(stamp(seconds + 1.687), "~Created policy for package %s" % package, thread)
        add(stamp(seconds + 1.703), "~Exiting package processing thread.", thread)
    add("01-13-2011 08:30:00.015", "~Used 0 out of 3 allowed processing threads.")
    add("01-14-2011 10:43:41.547", "~Used 0 out of 3 allowed processing threads.")
    add("01-14-2011 10:43:41.562", "~Sleep 3600 seconds...")
    data = "".join(lines)
    write_bytes("SITE-SERVER/distmgr.log", data.encode("ascii"))


# --------------------------------------------------------------------------------------------------------
# Site control file
# --------------------------------------------------------------------------------------------------------

def site_control():
    codes = [4, 5, 8, 13, 14, 39, 51, 53, 54, 55, 59, 64, 65, 67, 70, 71, 85, 86, 87, 112, 128, 170, 267, 999,
             1003, 1203, 1219, 1220, 1222, 1231, 1232, 1238, 1265, 1311, 1323, 1326, 1330, 1618, 1622, 2250]
    first = ",".join(str(c) for c in codes[:codes.index(1219) + 1]) + ","
    second = ",".join(str(c) for c in codes[codes.index(1219) + 1:])
    text = """BEGIN_SITE_DEFINITION
    <XYZ>
    <Contoso Headquarters>
    <SITE-SERVER>
    <SMS_SITE>
    SITE_KEY_FLAGS <0>
    PROPERTY <Site Server Domain><REG_SZ><CORP><0>
    PROPERTY <Site Type><REG_DWORD><><2>
    PROPERTY <Installation Directory><REG_SZ><D:\\Program Files\\Microsoft Configuration Manager><0>
    PROPERTY <Build Number><REG_DWORD><><6487>
    PROPERTY <Full Version><REG_SZ><4.00.6487.2000><0>
    PROPERTY <SQL Server Name><REG_SZ><SITE-SERVER><0>
    PROPERTY <SQL Database Name><REG_SZ><SMS_XYZ><0>
END_SITE_DEFINITION
BEGIN_COMPONENT
    <SMS_DISTRIBUTION_MANAGER>
    <2>
    SITE_KEY_FLAGS <0>
    PROPERTY <Thread Limit><REG_DWORD><><3>
    PROPERTY <Retry Delay><REG_DWORD><><30>
    PROPERTY <Number of Retries><REG_DWORD><><100>
    PROPERTY <Package Thread Limit><REG_DWORD><><3>
END_COMPONENT
BEGIN_COMPONENT
    <SMS_POLICY_PROVIDER>
    <2>
    SITE_KEY_FLAGS <0>
    PROPERTY <Policy Polling Interval><REG_DWORD><><60>
END_COMPONENT
BEGIN_CLIENT_COMPONENT
    <SMS Client Base Components>
    <65537>
    SITE_KEY_FLAGS <1>
    PROPERTY <Component Verify Interval><REG_SZ><00011700001000F0><0>
    PROPERTY <Component Maintenance Interval (minutes)><REG_DWORD><><1500>
    BEGIN_PROPERTY_LIST
        <Copy Queue>
        <(REG_DWORD)Item Lifetime=11520>
        <(REG_DWORD)Wakeup cycle=1380>
    END_PROPERTY_LIST
    BEGIN_CLIENT_REG_MULTI_STRING_LIST
        <Retry Sequence><Copy Queue>
        SITE_KEY_FLAGS <1>
        <15>
        <30>
        <60>
        <360>
    END_CLIENT_REG_MULTI_STRING_LIST
END_CLIENT_COMPONENT
BEGIN_CLIENT_COMPONENT
    <Software Distribution>
    <65537>
    SITE_KEY_FLAGS <1>
    PROPERTY <Enabled><REG_DWORD><><1>
    PROPERTY <Client Cache Size><REG_DWORD><><5120>
    PROPERTY <Display New Program Notification><REG_DWORD><><1>
    PROPERTY <Mandatory Assignment Countdown (minutes)><REG_DWORD><><5>
    PROPERTY <Execution Failure Retry Count><REG_DWORD><><1008>
    PROPERTY <Execution Failure Retry Interval><REG_DWORD><><600>
    PROPERTY <Execution Failure Retry Error Codes><REG_SZ><{%s
%s}><0>
    PROPERTY <Network Failure Retry Count><REG_DWORD><><2016>
    PROPERTY <Network Failure Retry Interval><REG_DWORD><><300>
    PROPERTY <Reboot Logoff Notification Countdown Duration><REG_DWORD><><5>
END_CLIENT_COMPONENT
BEGIN_CLIENT_COMPONENT
    <Software Updates>
    <65537>
    SITE_KEY_FLAGS <1>
    PROPERTY <Enabled><REG_DWORD><><1>
    PROPERTY <Scan Schedule><REG_SZ><0001170000100038><0>
    PROPERTY <Assignment Reevaluation Schedule><REG_SZ><00011700001C0008><0>
END_CLIENT_COMPONENT
BEGIN_CLIENT_COMPONENT
    <Hardware Inventory>
    <65537>
    SITE_KEY_FLAGS <1>
    PROPERTY <Enabled><REG_DWORD><><1>
    PROPERTY <Inventory Schedule><REG_SZ><000117000010E000><0>
    PROPERTY <Max 3rd Party MIF Size><REG_DWORD><><250>
END_CLIENT_COMPONENT
""" % (first, second)
    write_bytes("site/sitectrl.ct0", text.replace("\n", "\r\n").encode("ascii"))


# --------------------------------------------------------------------------------------------------------
# Inventory
# --------------------------------------------------------------------------------------------------------

DISPLAY = {
    "CcmFramework": "CCM Framework",
    "CcmPolicyAgent": "CCM Policy Agent",
    "SmsClient": "SMS Client",
    "SmsInventory": "SMS Inventory Agent",
    "SmsSoftwareDistribution": "SMS Software Distribution Agent",
    "SmsOSDeployment": "SMS OS Deployment Agent",
    "SmsPowerManagement": "SMS Power Management Agent",
    "SmsRemoteTools": "SMS Remote Tools Agent",
    "SmsSoftwareUpdate": "SMS Software Updates Agent",
}
BASE = "4.00.6487.2000"

# name: (resource id, domain, AD site, OS, KB977384, KB978754, KB2444668, short version form, extra rows)
MACHINES = [
    ("WKS-ACCT-014", 16777234, "CORP", "HQ-Atlanta", "Microsoft Windows NT Workstation 5.1", True, False, False),
    ("WKS-LAB-007", 16777251, "CORP", "EU-Paris", "Microsoft Windows NT Workstation 6.1", True, True, True),
    ("BUILD-CAP-01", 16777299, "WORKGROUP", "", "Microsoft Windows NT Workstation 6.1", None, None, None),
    ("SITE-SERVER", 16777217, "CORP", "HQ-Atlanta", "Microsoft Windows NT Server 6.1", True, True, True),
    ("WKS-HR-021", 16777240, "CORP", "HQ-Atlanta", "Microsoft Windows NT Workstation 5.1", True, True, True),
    ("WKS-HR-022", 16777241, "CORP", "HQ-Atlanta", "Microsoft Windows NT Workstation 5.1", False, True, True),
    ("LAP-SALES-003", 16777262, "CORP", "US-Denver", "Microsoft Windows NT Workstation 6.1", True, True, "999"),
    ("LAP-SALES-009", 16777268, "CORP", "US-Denver", "Microsoft Windows NT Workstation 6.1", True, "bad", True),
    ("WKS-ENG-101", 16777275, "CORP", "HQ-Atlanta", "Microsoft Windows NT Workstation 6.1", True, True, True),
    ("WKS-ENG-102", 16777276, "CORP", "HQ-Atlanta", "Microsoft Windows NT Workstation 6.1", False, False, True),
    ("LAP-EXEC-001", 16777281, "CORP", "HQ-Atlanta", "Microsoft Windows NT Workstation 6.1", False, False, False),
    ("WKS-RECEPT-01", 16777288, "CORP", "HQ-Atlanta", "Microsoft Windows NT Workstation 5.1", True, False, False),
]
SHORT_FORM = {"SITE-SERVER", "WKS-RECEPT-01", "WKS-ENG-101"}


def inventory():
    rows = ["ResourceID,Name0,DisplayName0,Version0"]
    for name, rid, _, _, _, kb977384, kb978754, kb2444668 in MACHINES:
        if kb977384 is None:
            continue  # BUILD-CAP-01 never sent hardware inventory: compliance "unknown".
        versions = {
            "CcmFramework": "4.00.6487.2155" if kb977384 else BASE,
            "CcmPolicyAgent": BASE,
            "SmsClient": BASE,
            "SmsInventory": {True: "4.00.6487.2161", False: BASE, "999": "4.00.6487.999"}[kb2444668],
            "SmsOSDeployment": {True: "4.00.6487.2115", False: BASE, "bad": "4.00.6487.21x7"}[kb978754],
            "SmsPowerManagement": "4.00.6487.2157" if kb977384 else BASE,
            "SmsRemoteTools": BASE,
            "SmsSoftwareDistribution": "4.00.6487.2154" if kb977384 else BASE,
            "SmsSoftwareUpdate": BASE,
        }
        for component in sorted(versions):
            version = versions[component]
            if name in SHORT_FORM or (name == "WKS-HR-021" and component in ("SmsPowerManagement", "SmsInventory")):
                version = version.replace("4.00.", "4.0.", 1)
            display = DISPLAY[component]
            if name == "WKS-ENG-101" and component == "SmsRemoteTools":
                display = '"SMS Remote Tools Agent, Remote Control"'
            rows.append("%d,%s,%s,%s" % (rid, component, display, version))
    write_bytes("inventory/v_GS_SMS_ADVANCED_CLIENT_STAT.csv", b"\xef\xbb\xbf" + "\r\n".join(rows + [""]).encode("utf-8"))

    rows = ["ResourceID,Name0,Client0,Client_Version0,Resource_Domain_OR_Workgr0,AD_Site_Name0,Operating_System_Name_and0"]
    for name, rid, domain, site, os_name, kb977384, _, _ in MACHINES:
        client_version = "4.00.6487.2155" if kb977384 else BASE
        rows.append("%d,%s,1,%s,%s,%s,%s" % (rid, name, client_version, domain, site, os_name))
    write_bytes("inventory/v_R_System.csv", "\r\n".join(rows + [""]).encode("utf-8"))


def system_list():
    text = """# Machines to check in DNS (stale system clean-up, January 2011)
WKS-ACCT-014
WKS-LAB-007
BUILD-CAP-01
SITE-SERVER
WKS-HR-021
WKS-HR-022
   LAP-SALES-003\t

LAP-SALES-009
WKS-ENG-101
WKS-ENG-102
LAP-EXEC-001
WKS-RECEPT-01
WKS-HR-021
OLD-WKS-0031
LAP-TEMP-17
PRN-SRV-02
"""
    write_bytes("sys.txt", text.replace("\n", "\r\n").encode("ascii"))


def main():
    acct_execmgr()
    cycles = acct_client_id()
    acct_policy_agent()
    acct_cas()
    lab_execmgr()
    lab_policy_agent()
    lab_cas()
    lab_client_id()
    cap_smsts()
    cap_updates_handler()
    cap_location_services()
    cap_wua_handler()
    site_distmgr()
    site_control()
    inventory()
    system_list()
    print("wrote %s (certificate loop: %d cycles)" % (OUT, cycles))


if __name__ == "__main__":
    main()
