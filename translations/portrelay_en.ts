<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Autostart</name>
    <message>
        <source>cannot remove %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the PortRelay port forwarder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BalanceStrategyText</name>
    <message>
        <source>Round robin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Least connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source hash (sticky clients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Power of two random choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Takes the backends in turn, in proportion to their weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picks the backend with the fewest open connections for its weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keeps sending each client address to the same backend; when a backend leaves, only its own clients move.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draws two backends at random by weight and takes the less loaded one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CheckDataText</name>
    <message>
        <source>a lone &quot;\&quot; at the end: write \\ for a backslash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>\x needs two hex digits, e.g. \x1b</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>\x%1 is not a character on its own: only \x00-\x7f; type other characters as they are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown escape &quot;\%1&quot;: use \r, \n, \t, \0, \xHH or \\</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClosePolicy</name>
    <message>
        <source>Quit PortRelay?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) are forwarding. Quitting stops them and closes their connections.</source>
        <translation>
            <numerusform>%n rule is forwarding. Quitting stops it and closes its connections.</numerusform>
            <numerusform>%n rules are forwarding. Quitting stops them and closes their connections.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Don&apos;t ask again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep running?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep your rules running in the system tray when the window is closed?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep Running in Tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit PortRelay</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldIssueDisplay</name>
    <message>
        <source>Backend %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot save this rule yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To create the rule, enter %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HostResolver</name>
    <message>
        <source>Name or service not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No address associated with hostname</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary failure in name resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Non-recoverable failure in name resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out of memory</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HumanFormat</name>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListenPortCheck</name>
    <message>
        <source>in use by another program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an address of this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this port needs administrator rights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is used by the rule &quot;%2&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot listen on %1: %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationThrottle</name>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NumberFields</name>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::AdvancedPage</name>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens to open connections when their backend goes down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;n down:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adaptive weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale each backend&apos;s weight by its recent connect times and failures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any client may connect. One subnet per line, e.g.
127.0.0.0/8
192.168.1.0/24</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only clients from these subnets may connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allowed clien&amp;ts:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendListEditor</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where connections go. Type host:port; F2 edits the selected cell, Space toggles a check box.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the rule&apos;s health check once against each backend now, as the engine will (what to send and expect included), and show how it went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendResolution</name>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendStatusModel</name>
    <message>
        <source>backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>–</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (at %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the rule&apos;s %2 connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%L1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long the backend has been in its current state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections relayed to this backend since the rule started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This backend&apos;s part of the rule&apos;s relayed connections; compare with the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect attempts to this backend that failed since the rule started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes from clients sent on to this backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes from this backend sent on to clients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendTableModel</name>
    <message>
        <source>A backup receives connections only while no primary backend is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A disabled backend stays in the rule but receives no connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host:port to connect to, e.g. 127.0.0.1:8080, [::1]:8080 or db.local:5432</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>direct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hop this backend is reached through; its address is resolved on the far side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Via</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendTest</name>
    <message>
        <source>reached through hop &quot;%1&quot;: checked through it while the rule runs (Hops tab)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::BackendsPane</name>
    <message>
        <source>Drain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send no new connections to this backend; open ones finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undrain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let this backend take new connections again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take this backend out of the rule (saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put this backend back into the rule (saved)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this backend&apos;s health check now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::ConnectionTableModel</name>
    <message>
        <source>connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes from the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bytes to the client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::ConnectionsPane</name>
    <message>
        <source>Close connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the selected connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n open connection(s)</source>
        <translation>
            <numerusform>%n open connection</numerusform>
            <numerusform>%n open connections</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortRelay::Daemon</name>
    <message>
        <source>reload of %1 refused, still running the previous rules: %2</source>
        <translation type="unfinished"></translation>
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
        <source>%n worker thread(s)</source>
        <translation>
            <numerusform>%n worker thread</numerusform>
            <numerusform>%n worker threads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n rule(s), %2</source>
        <translation>
            <numerusform>%1: %n rule, %2</numerusform>
            <numerusform>%1: %n rules, %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortRelay::DetailTabs</name>
    <message>
        <source>&amp;Backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Traffic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;vents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable from other machines on the network. Listen on 127.0.0.1 to keep the rule on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rule selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — exposed on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>H&amp;ops</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::EmptyStateWidget</name>
    <message>
        <source>No forwarding rules yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rule listens on a local port, for example 127.0.0.1:15432, and forwards every connection to one of its backends. PortRelay checks the backends&apos; health, spreads connections by weight and fails over when one goes down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create your first rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import rules from a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can also drop a rules file (.json) onto this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::Endpoint</name>
    <message>
        <source>empty address: expected host:port, e.g. &quot;127.0.0.1:8080&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &quot;]&quot; after the IPv6 address in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing port: expected [address]:port, e.g. &quot;[::1]:8080&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected %1 after &quot;]&quot;: expected &quot;:port&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing port in %1: expected host:port, e.g. &quot;127.0.0.1:8080&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an IPv6 address must be in brackets, e.g. &quot;[::1]:8080&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing port: expected host:port, e.g. &quot;127.0.0.1:8080&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing host before &quot;:%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an IPv6 address: brackets are only for IPv6 addresses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid IPv4 address %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no port: choose a port 1-65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port 0 is not allowed: choose a port 1-65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 out of range 1-65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid host name %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a label is longer than %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a label starts or ends with &quot;-&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only letters, digits, &quot;-&quot; and &quot;.&quot; are allowed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::Engine</name>
    <message>
        <source>settings changed; open connections finish on the old settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rule named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listen host &quot;%1&quot; is not an address of this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot listen on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listening on %1, reachable from other machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; trying again until it is free</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more event(s) of this kind in the last second, not logged one by one</source>
        <translation>
            <numerusform>%n more event of this kind in the last second, not logged one by one</numerusform>
            <numerusform>%n more events of this kind in the last second, not logged one by one</numerusform>
        </translation>
    </message>
    <message>
        <source>the rule set has no hop named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop &quot;%1&quot; is down: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop &quot;%1&quot; is up</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::EventLogModel</name>
    <message>
        <source>Rule started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hop state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::EventLogPane</name>
    <message>
        <source>All rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected events as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Severity:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::HealthCheckPage</name>
    <message>
        <source>Each backend is checked on a timer. After “fall” failed checks in a row it receives no new connections, until “rise” checks in a row pass again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to each backend, optionally send and expect some text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (passive checks only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No probes: only failed connections from real traffic take a backend out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escapes: \r \n \t \0 \xHH, and \\ for a backslash.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing; e.g. PING\r\n</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written to the backend once connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing: connecting is enough; e.g. +PONG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Must arrive within the timeout, anywhere in the first 64 KiB of the reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xpect:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::HealthChecker</name>
    <message>
        <source>closed by the backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout after %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fail window of %1 ms passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered as expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected &quot;%1&quot;, got &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2/%3 checks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining: no new connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drain ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connected and sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolves again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::HopTableModel</name>
    <message>
        <source>Up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::HopValidator</name>
    <message>
        <source>unknown hop %1 (there are no hops)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown hop %1 (did you mean %2?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown hop %1 (hops: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an ssh hop needs &quot;address&quot; or &quot;ssh_config_host&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not with &quot;address&quot;: an ssh hop takes one of the two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an address to connect to: name the hop&apos;s host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not start with &quot;-&quot;: ssh would read it as an option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate hop name %1 (also hops[%2])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a hop cannot be reached through itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop chain %1 is a cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain to this hop is %1 hops long; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hops; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::ImportDialog</name>
    <message>
        <source>Import Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Merge: add the new rules, keep the current ones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Replace: the imported rules become the only rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a name is &amp;taken:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules in the &amp;file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how to bring in the imported rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how to bring in the rules of “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new</source>
        <translation>
            <numerusform>%n new</numerusform>
            <numerusform>%n new</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n renamed</source>
        <translation>
            <numerusform>%n renamed</numerusform>
            <numerusform>%n renamed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removes the current rules not in the file: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot import until this is resolved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the details)</source>
        <translation>
            <numerusform>… and %n more (see the details)</numerusform>
            <numerusform>… and %n more (see the details)</numerusform>
        </translation>
    </message>
    <message>
        <source>Import Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Cannot import “%1”: %n problem(s) in the file. Nothing was changed.</source>
        <translation>
            <numerusform>Cannot import “%1”: %n problem in the file. Nothing was changed.</numerusform>
            <numerusform>Cannot import “%1”: %n problems in the file. Nothing was changed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import %n Valid Rule(s)</source>
        <translation>
            <numerusform>Import %n Valid Rule</numerusform>
            <numerusform>Import %n Valid Rules</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” (rule %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Not imported, %n rule(s) with problems:</source>
        <translation>
            <numerusform>Not imported, %n rule with problems:</numerusform>
            <numerusform>Not imported, %n rules with problems:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Imported %n rule(s)</source>
        <translation>
            <numerusform>Imported %n rule</numerusform>
            <numerusform>Imported %n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, skipped %n</source>
        <translation>
            <numerusform>%1, skipped %n</numerusform>
            <numerusform>%1, skipped %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PortRelay::ImportPreviewModel</name>
    <message>
        <source>Replace the current rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep both, rename the imported one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the current rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaces existing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name clash: added as “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name clash: skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (and %n more)</numerusform>
            <numerusform>%1 (and %n more)</numerusform>
        </translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On name clash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::ListenPortNotice</name>
    <message>
        <source>The nearest free port is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No free port found near %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rule is waiting: %1. It tries again on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This rule could not start: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1 is free.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use port %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::MainWindow</name>
    <message>
        <source>PortRelay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not save the rules to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules not loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The saved rules could not be read, so PortRelay started without them. The file was kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter rules (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n rule(s). Undo (%1) brings them back.</source>
        <translation>
            <numerusform>Deleted %n rule. Undo (%1) brings them back.</numerusform>
            <numerusform>Deleted %n rules. Undo (%1) brings them back.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>About PortRelay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;PortRelay %1&lt;/h3&gt;&lt;p&gt;A port-forwarding manager with a load-balancing engine.&lt;/p&gt;&lt;p&gt;Rules are saved in %2.&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 down</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start PortRelay at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep rules running in the system tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notify when a backend goes down or comes back, or a rule fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system tray is available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not change the autostart entry: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleEditorDialog</name>
    <message>
        <source>New Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Rule “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. api or postgres-dev</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in the rules list and in logs; unique among the rules.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules of one group can be started and stopped together.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A disabled rule is kept but does not listen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer only (IPv4 loopback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer only (IPv6 loopback)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every IPv4 interface: reachable from other machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every IPv6 interface: reachable from other machines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The address to accept connections on: an IP address, localhost or *.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port clients connect to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable from other machines. Listen on a loopback address (127.0.0.1) unless other machines must connect, and then restrict the clients with an allow list (Advanced tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Listen on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP is the only protocol so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;rotocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Strategy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backends:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Health Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a listen port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the address to forward to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard New Rule?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard Changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new rule has not been created. Discard it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes to this rule have not been saved. Discard them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep Editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional: what it is for, whom to ask</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A note for people; shown when the pointer rests on the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Descr&amp;iption:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleSchema</name>
    <message>
        <source>&amp;Connect timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Idle timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close a connection after this long without traffic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retries:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Further rounds over the backends once every one has failed for a client.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry &amp;backoff:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause before the first further round; it doubles each round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Max connections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open client connections at most.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max per c&amp;lient:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open connections from one client address at most; more are refused. Keeps one client from taking every connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Max &amp;fails:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed connects from real traffic within the fail window that take a backend out (passive checks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail &amp;window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window in which failed connects count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Slow start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A backend back from down ramps up to its full weight over this time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interval:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time between two checks of one backend.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time&amp;out:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long one check may take, sending and the reply included; at most the interval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rise:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed checks in a row before a down backend is used again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fall:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed checks in a row before a backend counts as down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How long one connection attempt to a backend may take. Also the time limit of “Test Backends” while health checks are off.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleSetParser</name>
    <message>
        <source>null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boolean true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>boolean false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>string %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an array</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown protocol %1 (supported: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>protocol %1 is not supported yet (supported: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown balance strategy %1 (supported: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown balance strategy %1 (did you mean &quot;%2&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown on_down value %1 (supported: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown health check type %1 (supported: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing required key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key (did you mean &quot;%1&quot;?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a string, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an array, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a boolean (true or false), got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an integer, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains an unpaired surrogate (U+%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty list would refuse every client: omit the key to allow any client</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid UTF-8 at line %1, column %2 (byte %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at line %1, column %2 (byte %3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected an object at the top level, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes is too large: a rules file may have at most %2 bytes (16 MiB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported version %1 (this PortRelay reads version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported version %1 (versions start at 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many issues: stopped after the first %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown hop type %1 (supported: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop type %1 is not supported yet (supported: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an empty file name: leave the key out for the default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;x-&quot; keys are kept only at the top level, in hops, in rules and in backends</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleTableModel</name>
    <message>
        <source>round robin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>least connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>source hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>power of two</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>– / %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not started yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n backend(s) down</source>
        <translation>
            <numerusform>%n backend down</numerusform>
            <numerusform>%n backends down</numerusform>
        </translation>
    </message>
    <message>
        <source>Backends up / configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Strategy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (exposed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reachable from other machines on the network. Listen on 127.0.0.1 to keep the rule on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — retry in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — retrying now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for %1 on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PortRelay tries again on its own until the rule can listen; the next try is at %1. To use another port now, edit the rule.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleTransfer</name>
    <message>
        <source>Import Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Selected Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n rule(s) to %1</source>
        <translation>
            <numerusform>Exported %n rule to %1</numerusform>
            <numerusform>Exported %n rules to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Rules files (*.json);;OpenSSH client configuration (config *.conf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::RuleValidator</name>
    <message>
        <source>weight 0 is not allowed: set &quot;enabled&quot;: false to take a backend out of use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 characters long; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains a control character (U+%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>own keys must start with &quot;x-&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no host: use &quot;127.0.0.1&quot; for this machine only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>listen host must be an IP address, &quot;localhost&quot; or &quot;*&quot;, got %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port 0 is not allowed: choose a port 1-65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no host: name the host to connect to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an address to connect to: name the backend&apos;s host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs &quot;type&quot;: &quot;tcp&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes long in UTF-8; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid UTF-8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than interval_ms %2: a check must end before the next one starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid subnet %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 out of range %2-%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 backends; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries; at most %2 are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rule needs at least one backend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported version %1 (this PortRelay reads version %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>duplicate name %1 (also rules[%2])</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 conflicts with rules[%4] (%2), which listens on %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::SecretStore</name>
    <message>
        <source>&quot;%1&quot; is not a secret name: use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>credential %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systemd credentials are read-only: set them in the unit (LoadCredential=)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets file %1 is read-only here: edit the file to change a secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets file %1 is not a regular file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets file %1 belongs to user %2, not to the user running portrelayd (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets file %1 has mode %2, which lets other users read or change it: chmod 600 %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets file %1 is larger than %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets file %1: not JSON (%2 at byte %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets file %1: expected an object of names and values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secrets file %1: the value of &quot;%2&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain service is running (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the keychain was not unlocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::SshConfigImport</name>
    <message>
        <source>a LocalForward outside a Host block with a plain host name is not taken (Match blocks and patterns name no one host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LocalForward needs a local port and a host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwards from a Unix socket (%1) are not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>forwards to a Unix socket (%1) are not supported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::SshHop</name>
    <message>
        <source>no private folder for the SSH control sockets could be made (XDG_RUNTIME_DIR, TMPDIR and /tmp tried)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown host key for %1: accept it once (ssh %1, or --accept-new-host-keys) or add it to the hop&apos;s known_hosts_file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication failed (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>authentication failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the key needs a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot resolve %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>master exited with status %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>master exited: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting for hop &quot;%1&quot;, which it is reached through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connecting to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop &quot;%1&quot;, which it is reached through, is down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ssh asked &quot;%1&quot;, which the hop has no secret for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passphrase needed: add secret &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>password needed: add secret &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read secret &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop &quot;%1&quot; is not up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop &quot;%1&quot; is down: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop &quot;%1&quot;: its master does not answer (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop &quot;%1&quot;: its master closed the channel request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop &quot;%1&quot;: its master speaks multiplexing protocol %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the far side of hop &quot;%1&quot; could not connect to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hop &quot;%1&quot;: unexpected answer from its master</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host key changed for %1: the server now shows %2, but %3 has %4; refusing to connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another key</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::StatusTotals</name>
    <message numerus="yes">
        <source>%1 of %n rule(s) running</source>
        <translation>
            <numerusform>%1 of %n rule running</numerusform>
            <numerusform>%1 of %n rules running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message>
        <source>In %1 · Out %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::Subnet</name>
    <message>
        <source>invalid subnet %1: expected address/prefix, e.g. &quot;192.168.0.0/16&quot; or &quot;::1/128&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prefix length %1 out of range 0-%2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host bits set in %1 (did you mean %2/%3?)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::TrafficChart</name>
    <message>
        <source>In (from clients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out (to clients)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>B/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GiB/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Throughput (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In, busiest second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Out, busiest second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%.0f min</source>
        <extracomment>printf formats of the time axis&apos; labels, in seconds or minutes ago</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%.0f s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::TrafficPane</name>
    <message>
        <source>Selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 5 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::TrayIcon</name>
    <message>
        <source>PortRelay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PortRelay: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… and %n more</numerusform>
            <numerusform>… and %n more</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::TrayPresence</name>
    <message>
        <source>Rule %1 failed to start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of rule %2 is down: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of rule %2 is back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PortRelay is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your rules keep forwarding. PortRelay is in the system tray; choose Quit there to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::WindowActions</name>
    <message>
        <source>&amp;New Rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a forwarding rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit Rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the selected rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected rules (the copies start stopped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected rules (Undo brings them back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the selected rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the selected rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start every rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop A&amp;ll</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop every rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start Rules &amp;Shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the rules the filter shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop Rules S&amp;hown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the rules the filter shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop G&amp;roup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rules from a rules file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export All…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save every rule to a rules file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;Selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the selected rules to a rules file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show PortRelay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the PortRelay documentation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About PortRelay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start &amp;Group “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop G&amp;roup “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortRelay::Worker</name>
    <message>
        <source>out of file descriptors: accepting paused for %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client %1 is not in the allow list</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no backend available</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>no backend reachable after %n attempt(s): timeout after %1 ms</source>
        <translation>
            <numerusform>no backend reachable after %n attempt: timeout after %1 ms</numerusform>
            <numerusform>no backend reachable after %n attempts: timeout after %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 failed connects within %2 ms (last: %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client %1 refused: max_connections (%2) reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client %1 refused: max_connections_per_client (%2) reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failures within %2 ms (last: %3 during a transfer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n similar event(s) not logged one by one)</source>
        <translation>
            <numerusform>%1 (and %n similar event not logged one by one)</numerusform>
            <numerusform>%1 (and %n similar events not logged one by one)</numerusform>
        </translation>
    </message>
    <message>
        <source>client not served: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleDraft</name>
    <message>
        <source>line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleSetEdits</name>
    <message>
        <source>New rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule %1 cannot be added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule %1 cannot be changed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Duplicate %n rule(s)</source>
        <translation>
            <numerusform>Duplicate %n rule</numerusform>
            <numerusform>Duplicate %n rules</numerusform>
        </translation>
    </message>
    <message>
        <source>Rules not duplicated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The copies cannot be added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete rule %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n rule(s)</source>
        <translation>
            <numerusform>Delete %n rule</numerusform>
            <numerusform>Delete %n rules</numerusform>
        </translation>
    </message>
    <message>
        <source>Rules not deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules cannot be deleted:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable backend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable backend %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backend not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule %1 has no backend %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting these rules would make two rules share a port:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleSetImport</name>
    <message>
        <source>line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no LocalForward line of a Host block to import</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleSetWriter</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sockets</name>
    <message>
        <source>address already in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied (ports below 1024 need privileges)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>address not available on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection reset by peer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>out of file descriptors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StateIcons</name>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>portrelay</name>
    <message>
        <source>PortRelay port-forwarding manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start in the system tray (or minimized) without showing the window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>portrelay: already running; asked the running window to show itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>portrelay: a second launch asked for the window</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run the rules in &lt;file&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate &lt;file&gt;, print every error, and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log as &lt;format&gt;: text or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use &lt;n&gt; worker threads (default: one per usable CPU).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move bytes by &lt;mode&gt;: auto, copy or splice (default auto).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On SIGTERM, let open connections finish for &lt;ms&gt; (default 5000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--config &lt;file&gt; is required (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--log-format: &quot;%1&quot; is not text or json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--workers: &quot;%1&quot; is not a number from 0 to 256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--relay: &quot;%1&quot; is not auto, copy or splice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--grace-ms: &quot;%1&quot; is not a number of milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the passwords and key passphrases that hops name from &lt;file&gt;: a JSON object of names and values, mode 0600. Without it, systemd credentials ($CREDENTIALS_DIRECTORY) are used when there are any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the host keys of SSH hops seen for the first time in known_hosts. Without it an unknown key fails the hop; a changed key always does.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
