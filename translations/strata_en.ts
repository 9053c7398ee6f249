<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>strata::ArchivePane</name>
    <message numerus="yes">
        <source>%1, %n member(s): what tar tvf lists, in the order stored. Select a member to see what it holds; double-click a layer to open it.</source>
        <translation>
            <numerusform>%1, %n member: what tar tvf lists, in the order stored. Select a member to see what it holds; double-click a layer to open it.</numerusform>
            <numerusform>%1, %n members: what tar tvf lists, in the order stored. Select a member to see what it holds; double-click a layer to open it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::CompareWindow</name>
    <message numerus="yes">
        <source>%n changed file(s)</source>
        <translation>
            <numerusform>%n changed file</numerusform>
            <numerusform>%n changed files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n directory total(s)</source>
        <translation>
            <numerusform>%n directory total</numerusform>
            <numerusform>%n directory totals</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ContainersPane</name>
    <message numerus="yes">
        <source>%n container(s) run this image, each with its own read-write layer (%1 written in all) on the same read-only layers (%2, stored once). Double-click one to open it.</source>
        <translation>
            <numerusform>%n container runs this image, with its own read-write layer (%1 written) on the read-only layers (%2). Double-click it to open it.</numerusform>
            <numerusform>%n containers run this image, each with its own read-write layer (%1 written in all) on the same read-only layers (%2, stored once). Double-click one to open it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::EfficiencyPanel</name>
    <message numerus="yes">
        <source>&lt;b&gt;Findings:&lt;/b&gt; %n to fix, saving %1</source>
        <translation>
            <numerusform>&lt;b&gt;Findings:&lt;/b&gt; %n to fix, saving %1</numerusform>
            <numerusform>&lt;b&gt;Findings:&lt;/b&gt; %n to fix, saving %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s)</source>
        <translation>
            <numerusform>%n secret</numerusform>
            <numerusform>%n secrets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A multi-stage build would ship about %1: /%2 and the %n file(s) it loads.</source>
        <translation>
            <numerusform>A multi-stage build would ship about %1: /%2 and the %n file it loads.</numerusform>
            <numerusform>A multi-stage build would ship about %1: /%2 and the %n files it loads.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::EngineBrowser</name>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; at %2: %n image(s), live</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; at %2: %n image, live</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; at %2: %n images, live</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::EntryDetailsPane</name>
    <message numerus="yes">
        <source>%1 in %n entries</source>
        <translation>
            <numerusform>%1 in %n entry</numerusform>
            <numerusform>%1 in %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::FileTreeModel</name>
    <message numerus="yes">
        <source>%1 in %n entries</source>
        <translation>
            <numerusform>%1 in %n entry</numerusform>
            <numerusform>%1 in %n entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::FileTreePane</name>
    <message numerus="yes">
        <source>%1 entries are too many to expand at once; expanded %n level(s).</source>
        <translation>
            <numerusform>%1 entries are too many to expand at once; expanded %n level.</numerusform>
            <numerusform>%1 entries are too many to expand at once; expanded %n levels.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::Findings</name>
    <message numerus="yes">
        <source>A multi-stage build would ship about %1 here: /%2 and the %n file(s) it loads.</source>
        <translation>
            <numerusform>A multi-stage build would ship about %1 here: /%2 and the %n file it loads.</numerusform>
            <numerusform>A multi-stage build would ship about %1 here: /%2 and the %n files it loads.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::FindingsModel</name>
    <message numerus="yes">
        <source>%n file(s), %1 bytes</source>
        <translation>
            <numerusform>%n file, %1 bytes</numerusform>
            <numerusform>%n files, %1 bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::FindingsPane</name>
    <message numerus="yes">
        <source>Layer %1 ships %2 in %n file(s)</source>
        <translation>
            <numerusform>Layer %1 ships %2 in %n file</numerusform>
            <numerusform>Layer %1 ships %2 in %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more file(s)</source>
        <translation>
            <numerusform>… and %n more file</numerusform>
            <numerusform>… and %n more files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::HistoryModel</name>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weeks ago</source>
        <translation>
            <numerusform>%n week ago</numerusform>
            <numerusform>%n weeks ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ImageChooser</name>
    <message numerus="yes">
        <source>This archive holds %n images. Choose the one to open:</source>
        <translation>
            <numerusform>This archive holds %n image. Choose the one to open:</numerusform>
            <numerusform>This archive holds %n images. Choose the one to open:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ImageListModel</name>
    <message numerus="yes">
        <source>%1 + %n attestation(s)</source>
        <translation>
            <numerusform>%1 + %n attestation</numerusform>
            <numerusform>%1 + %n attestations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ImagePage</name>
    <message numerus="yes">
        <source>%n layer(s) could not be read completely; the rest of the image can be browsed.</source>
        <translation>
            <numerusform>%n layer could not be read completely; the rest of the image can be browsed.</numerusform>
            <numerusform>%n layers could not be read completely; the rest of the image can be browsed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) do not match their digests: the archive was changed or damaged after it was written.</source>
        <translation>
            <numerusform>%n layer does not match its digests: the archive was changed or damaged after it was written.</numerusform>
            <numerusform>%n layers do not match their digests: the archive was changed or damaged after it was written.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::LayerStackScene</name>
    <message numerus="yes">
        <source>container %1 (%2): %n path(s) changed</source>
        <translation>
            <numerusform>container %1 (%2): %n path changed</numerusform>
            <numerusform>container %1 (%2): %n paths changed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::LayerTarPane</name>
    <message numerus="yes">
        <source>Layer %1&apos;s tar as stored: %Ln entries</source>
        <translation>
            <numerusform>Layer %1&apos;s tar as stored: %Ln entry</numerusform>
            <numerusform>Layer %1&apos;s tar as stored: %Ln entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln of them whiteouts</source>
        <translation>
            <numerusform>, %Ln of them a whiteout</numerusform>
            <numerusform>, %Ln of them whiteouts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::OverlayDiagram</name>
    <message numerus="yes">
        <source>… %n more</source>
        <translation>
            <numerusform>… %n more</numerusform>
            <numerusform>… %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::PackagesPane</name>
    <message numerus="yes">
        <source>%n package(s) as of layer %1: %2.</source>
        <translation>
            <numerusform>%n package as of layer %1: %2.</numerusform>
            <numerusform>%n packages as of layer %1: %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The SBOM of layer %1 was saved to %2 (%n package(s)).</source>
        <translation>
            <numerusform>The SBOM of layer %1 was saved to %2 (%n package).</numerusform>
            <numerusform>The SBOM of layer %1 was saved to %2 (%n packages).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::RegistryDialog</name>
    <message numerus="yes">
        <source>%n tag(s) in %1.</source>
        <translation>
            <numerusform>%n tag in %1.</numerusform>
            <numerusform>%n tags in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see its tooltip).</source>
        <translation>
            <numerusform>%n could not be read (see its tooltip).</numerusform>
            <numerusform>%n could not be read (see their tooltips).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ReuseScene</name>
    <message numerus="yes">
        <source>%1: %n other layer(s) with this content sit on a different chain and store it again.</source>
        <translation>
            <numerusform>%1: %n other layer with this content sits on a different chain and stores it again.</numerusform>
            <numerusform>%1: %n other layers with this content sit on a different chain and store it again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n layer(s)</source>
        <translation>
            <numerusform>%1 · %n layer</numerusform>
            <numerusform>%1 · %n layers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>shared by %n image(s)</source>
        <translation>
            <numerusform>shared by %n image</numerusform>
            <numerusform>shared by %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>docker images: %1 in %n image(s)</source>
        <translation>
            <numerusform>docker images: %1 in %n image</numerusform>
            <numerusform>docker images: %1 in %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) stored for %1 layer references; %2 shared</source>
        <translation>
            <numerusform>%n layer stored for %1 layer references; %2 shared</numerusform>
            <numerusform>%n layers stored for %1 layer references; %2 shared</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) add %1 of read-write layers; as copies of their images they would take %2</source>
        <translation>
            <numerusform>%n container adds %1 of read-write layer; as a copy of its image it would take %2</numerusform>
            <numerusform>%n containers add %1 of read-write layers; as copies of their images they would take %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Layer reuse across %n image(s)</source>
        <translation>
            <numerusform>Layer reuse across %n image</numerusform>
            <numerusform>Layer reuse across %n images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ReuseWindow</name>
    <message numerus="yes">
        <source>Reading layers: %n job(s) left…</source>
        <translation>
            <numerusform>Reading layers: %n job left…</numerusform>
            <numerusform>Reading layers: %n jobs left…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::SettingsDialog</name>
    <message numerus="yes">
        <source>%1 in %n image(s) and %2 at %3</source>
        <translation>
            <numerusform>%1 in %n image and %2 at %3</numerusform>
            <numerusform>%1 in %n images and %2 at %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n layer</numerusform>
            <numerusform>%n layers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::TreeExporter</name>
    <message numerus="yes">
        <source>%1 as of layer %2 written to %3: %n entries, %4.</source>
        <translation>
            <numerusform>%1 as of layer %2 written to %3: %n entry, %4.</numerusform>
            <numerusform>%1 as of layer %2 written to %3: %n entries, %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, deleted by layer %2, written from layer %3 to %4: %n entries, %5.</source>
        <translation>
            <numerusform>%1, deleted by layer %2, written from layer %3 to %4: %n entry, %5.</numerusform>
            <numerusform>%1, deleted by layer %2, written from layer %3 to %4: %n entries, %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device node(s) left out, which only a tar can hold: %1.</source>
        <translation>
            <numerusform>%n device node left out, which only a tar can hold: %1.</numerusform>
            <numerusform>%n device nodes left out, which only a tar can hold: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::WelcomePage</name>
    <message numerus="yes">
        <source>%1 at %2: %n image(s)</source>
        <translation>
            <numerusform>%1 at %2: %n image</numerusform>
            <numerusform>%1 at %2: %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n container(s)</source>
        <translation>
            <numerusform>, %n container</numerusform>
            <numerusform>, %n containers</numerusform>
        </translation>
    </message>
</context>
</TS>
