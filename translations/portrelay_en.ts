<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Endpoint</name>
    <message>
        <source>empty address: expected host:port, e.g. "127.0.0.1:8080"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing "]" after the IPv6 address in %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing port: expected [address]:port, e.g. "[::1]:8080"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unexpected %1 after "]": expected ":port"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing port in %1: expected host:port, e.g. "127.0.0.1:8080"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an IPv6 address must be in brackets, e.g. "[::1]:8080"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing port: expected host:port, e.g. "127.0.0.1:8080"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing host before ":%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>port %1 is not a number</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>port 0 is not allowed: choose a port 1-65535</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>port %1 out of range 1-65535</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not an IPv6 address: brackets are only for IPv6 addresses</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid IPv4 address %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid host name %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>it is empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>empty label</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a label is longer than %1 characters</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a label starts or ends with "-"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>only letters, digits, "-" and "." are allowed</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PortRelay::Daemon</name>
    <message>
        <source>reload of %1 refused, still running the previous rules: %2</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>reloaded %1: %n rule(s)</source>
        <translation>
            <numerusform>reloaded %1: %n rule</numerusform>
            <numerusform>reloaded %1: %n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>closing %n connection(s) still open after the grace period</source>
        <translation>
            <numerusform>closing %n connection still open after the grace period</numerusform>
            <numerusform>closing %n connections still open after the grace period</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rule(s)</source>
        <translation>
            <numerusform>%1: %n rule</numerusform>
            <numerusform>%1: %n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n worker thread(s)</source>
        <translation>
            <numerusform>%n worker thread</numerusform>
            <numerusform>%n worker threads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortRelay::Engine</name>
    <message>
        <source>settings changed; open connections finish on the old settings</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no rule named "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listen host "%1" is not an address of this machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listening on %1, reachable from other machines</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listening on %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no such rule</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PortRelay::HealthChecker</name>
    <message>
        <source>connection refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>closed by the backend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>network error</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>timeout after %1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>fail window of %1 ms passed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>answered as expected</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected "%1", got "%2"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 (%2/%3 checks)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>draining: no new connections</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>drain ended</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PortRelay::Worker</name>
    <message>
        <source>out of file descriptors: accepting paused for %1 ms</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>client %1 is not in the allow list</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>max_connections (%1) reached</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>no backend reachable after %n attempt(s): %1</source>
        <translation>
            <numerusform>no backend reachable after %n attempt: %1</numerusform>
            <numerusform>no backend reachable after %n attempts: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>timeout after %1 ms</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>%1 (and %n similar event(s) in the last second)</source>
        <translation>
            <numerusform>%1 (and %n similar event in the last second)</numerusform>
            <numerusform>%1 (and %n similar events in the last second)</numerusform>
        </translation>
    </message>
    <message>
        <source>no backend available</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <source>no backend reachable after %n attempt(s): timeout after %1 ms</source>
        <translation>
            <numerusform>no backend reachable after %n attempt: timeout after %1 ms</numerusform><numerusform>no backend reachable after %n attempts: timeout after %1 ms</numerusform></translation>
    </message>
    <message>
        <source>%1 failed connects within %2 ms (last: %3)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RuleSetParser</name>
    <message>
        <source>null</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>boolean true</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>boolean false</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>number %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>string %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>missing required key "%1"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown key</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown key (did you mean "%1"?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected a boolean (true or false), got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>"x-" keys are kept only at the top level, in rules and in backends</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>an empty list would refuse every client: omit the key to allow any client</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown health check type %1 (supported: tcp, none)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>protocol "udp" is not supported yet (supported: tcp)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown protocol %1 (supported: tcp)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown balance strategy %1 (did you mean "%2"?)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown balance strategy %1 (supported: round_robin, least_connections, source_hash, random)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not valid UTF-8 at line %1, column %2 (byte %3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid JSON at line %1, column %2 (byte %3): %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>expected an object at the top level, got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 bytes is too large: a rules file may have at most %2 bytes (16 MiB)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unsupported version %1 (this PortRelay reads version %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unsupported version %1 (versions start at 1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>too many issues: stopped after the first %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>contains an unpaired surrogate (U+%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unknown on_down value %1 (supported: keep, close)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RuleSetWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>RuleValidator</name>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 characters long; at most %2 are allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>contains a control character (U+%1)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>own keys must start with "x-"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no host: use "127.0.0.1" for this machine only</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>listen host must be an IP address, "localhost" or "*", got %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>port 0 is not allowed: choose a port 1-65535</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>no host: name the host to connect to</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is not an address to connect to: name the backend's host</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>weight 0 is not allowed: set "enabled": false to take a backend out of use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 is longer than interval_ms %2: a check must end before the next one starts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>invalid subnet %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 out of range %2-%3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 backends; at most %2 are allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 entries; at most %2 are allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>a rule needs at least one backend</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>unsupported version %1 (this PortRelay reads version %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>duplicate name %1 (also rules[%2])</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 conflicts with rules[%2] (%3), which listens on %4</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>needs "type": "tcp"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>%1 bytes long in UTF-8; at most %2 are allowed</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>not valid UTF-8</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Sockets</name>
    <message>
        <source>address already in use</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>permission denied (ports below 1024 need privileges)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>address not available on this machine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connection timed out</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>connection reset by peer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>network unreachable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>host unreachable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>out of file descriptors</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Subnet</name>
    <message>
        <source>invalid subnet %1: expected address/prefix, e.g. "192.168.0.0/16" or "::1/128"</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>prefix length %1 out of range 0-%2 in %3</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>host bits set in %1 (did you mean %2/%3?)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>portrelayd</name>
    <message numerus="yes">
        <source>%1: OK, %n rule(s)</source>
        <translation>
            <numerusform>%1: OK, %n rule</numerusform>
            <numerusform>%1: OK, %n rules</numerusform>
        </translation>
    </message>
    <message>
        <source>Runs a PortRelay rule set without a window.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Run the rules in &lt;file&gt;.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Validate &lt;file&gt;, print every error, and exit.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Log as &lt;format&gt;: text or json.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Use &lt;n&gt; worker threads (default: one per usable CPU).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Move bytes by &lt;mode&gt;: auto, copy or splice (default auto).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>On SIGTERM, let open connections finish for &lt;ms&gt; (default 5000).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--config &lt;file&gt; is required (see --help)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--log-format: "%1" is not text or json</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--workers: "%1" is not a number from 0 to 256</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--relay: "%1" is not auto, copy or splice</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>--grace-ms: "%1" is not a number of milliseconds</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>
