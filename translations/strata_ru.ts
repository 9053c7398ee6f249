<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ImageChooser</name>
    <message>
        <source>This archive holds several images. Choose the one to open:</source>
        <translation>В этом архиве несколько образов. Выберите, какой открыть:</translation>
    </message>
    <message>
        <source>Open Each in Its Own &amp;Tab</source>
        <translation>Открыть каждый в отдельной &amp;вкладке</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
</context>
<context>
    <name>strata::ArchiveLinksView</name>
    <message>
        <source>Chain IDs (sha256)</source>
        <translation>Chain ID (sha256)</translation>
    </message>
    <message>
        <source>The manifest names the config and each layer blob by its digest. A layer&apos;s diff_id is the SHA-256 of its uncompressed tar; the config lists them in rootfs.diff_ids. The bottom layer&apos;s chain ID is its diff_id; each one above is sha256(chain ID below + &quot; &quot; + diff_id), the name Docker keeps the layer under on disk.</source>
        <translation>Манифест называет конфигурацию и каждый blob слоя по его дайджесту. diff_id слоя — это SHA-256 его несжатого tar; конфигурация перечисляет их в rootfs.diff_ids. Chain ID нижнего слоя равен его diff_id; каждый следующий — sha256(chain ID нижележащего + &quot; &quot; + diff_id): под этим именем Docker хранит слой на диске.</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Нет образа</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Манифест</translation>
    </message>
    <message>
        <source>Layer blobs</source>
        <translation>Blob-ы слоёв</translation>
    </message>
    <message>
        <source>diff_ids (sha256)</source>
        <translation>diff_id (sha256)</translation>
    </message>
    <message>
        <source>Layer %1 as stored: %2</source>
        <translation>Слой %1 в архиве: %2</translation>
    </message>
    <message>
        <source>Layer %1&apos;s diff_id: %2</source>
        <translation>diff_id слоя %1: %2</translation>
    </message>
    <message>
        <source>Layer %1&apos;s chain ID: %2</source>
        <translation>Chain ID слоя %1: %2</translation>
    </message>
</context>
<context>
    <name>strata::ArchiveMemberModel</name>
    <message>
        <source>Docker&apos;s list of images</source>
        <translation>Список образов Docker</translation>
    </message>
    <message>
        <source>Tags of the legacy layout</source>
        <translation>Теги старого формата</translation>
    </message>
    <message>
        <source>OCI layout marker</source>
        <translation>Метка OCI layout</translation>
    </message>
    <message>
        <source>OCI index</source>
        <translation>Индекс OCI</translation>
    </message>
    <message>
        <source>Manifest of %1</source>
        <translation>Манифест %1</translation>
    </message>
    <message>
        <source>Config of %1</source>
        <translation>Конфигурация %1</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>Слой %1</translation>
    </message>
    <message>
        <source>Link to layer %1</source>
        <translation>Ссылка на слой %1</translation>
    </message>
    <message>
        <source>Layer %1: legacy json</source>
        <translation>Слой %1: json старого формата</translation>
    </message>
    <message>
        <source>Layer %1: VERSION</source>
        <translation>Слой %1: VERSION</translation>
    </message>
    <message>
        <source>Folder of layer %1</source>
        <translation>Папка слоя %1</translation>
    </message>
    <message>
        <source>Blobs by digest</source>
        <translation>Blob-ы по дайджесту</translation>
    </message>
    <message>
        <source>Blob no image names directly</source>
        <translation>Blob, который образы не называют</translation>
    </message>
    <message>
        <source>manifest.json lists every image of the archive: its tags, its config file and its layers, bottom first.</source>
        <translation>manifest.json перечисляет все образы архива: их теги, файл конфигурации и слои, снизу вверх.</translation>
    </message>
    <message>
        <source>The legacy layout&apos;s tags: each repository&apos;s tags name the id of the top layer&apos;s folder.</source>
        <translation>Теги старого формата: каждый тег репозитория называет id папки верхнего слоя.</translation>
    </message>
    <message>
        <source>Says that the folder is an OCI image layout, and which version.</source>
        <translation>Говорит, что папка — это OCI image layout, и какой версии.</translation>
    </message>
    <message>
        <source>The OCI layout&apos;s entry point: the manifests of the images it holds.</source>
        <translation>Точка входа OCI layout: манифесты образов, которые он содержит.</translation>
    </message>
    <message>
        <source>The image manifest: the config and each layer blob, by SHA-256 digest and size.</source>
        <translation>Манифест образа: конфигурация и blob каждого слоя, по дайджесту SHA-256 и размеру.</translation>
    </message>
    <message>
        <source>The image config: the history (docker history), rootfs.diff_ids (the SHA-256 of each uncompressed layer) and how to run it. Its digest is the image ID.</source>
        <translation>Конфигурация образа: история (docker history), rootfs.diff_ids (SHA-256 каждого несжатого слоя) и как его запускать. Её дайджест — это ID образа.</translation>
    </message>
    <message>
        <source>A layer: a tar of the files one build step added, changed or deleted. Double-click it to see its files.</source>
        <translation>Слой: tar с файлами, которые один шаг сборки добавил, изменил или удалил. Дважды щёлкните, чтобы увидеть его файлы.</translation>
    </message>
    <message>
        <source>A link to a layer&apos;s tar stored elsewhere in the archive, so that the same bytes are kept once.</source>
        <translation>Ссылка на tar слоя, лежащий в другом месте архива, чтобы одни и те же байты хранились один раз.</translation>
    </message>
    <message>
        <source>The layer&apos;s metadata in the legacy format: its id, its parent&apos;s id and, for the top layer, the image config.</source>
        <translation>Метаданные слоя в старом формате: его id, id родителя и, у верхнего слоя, конфигурация образа.</translation>
    </message>
    <message>
        <source>The version of the legacy layer format: 1.0.</source>
        <translation>Версия старого формата слоя: 1.0.</translation>
    </message>
    <message>
        <source>One folder per layer in the legacy layout: json, VERSION and layer.tar.</source>
        <translation>В старом формате у каждого слоя своя папка: json, VERSION и layer.tar.</translation>
    </message>
    <message>
        <source>Blobs are named by the SHA-256 of their bytes (content addressing).</source>
        <translation>Blob-ы названы по SHA-256 своих байтов (адресация по содержимому).</translation>
    </message>
    <message>
        <source>A blob that the images here do not name themselves: a nested index, an attestation or a legacy json.</source>
        <translation>Blob, который образы здесь сами не называют: вложенный индекс, аттестация или json старого формата.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Элемент</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Что это</translation>
    </message>
</context>
<context>
    <name>strata::ArchivePane</name>
    <message>
        <source>docker save (before Docker 25)</source>
        <translation>docker save (до Docker 25)</translation>
    </message>
    <message>
        <source>docker save (before Docker 1.10)</source>
        <translation>docker save (до Docker 1.10)</translation>
    </message>
    <message>
        <source>docker-archive (podman save, skopeo)</source>
        <translation>docker-archive (podman save, skopeo)</translation>
    </message>
    <message>
        <source>docker save (Docker 25 and later): an OCI layout with manifest.json</source>
        <translation>docker save (Docker 25 и новее): OCI layout с manifest.json</translation>
    </message>
    <message>
        <source>OCI image layout in a tar</source>
        <translation>OCI image layout в tar</translation>
    </message>
    <message>
        <source>OCI image layout folder</source>
        <translation>Папка OCI image layout</translation>
    </message>
    <message>
        <source>skopeo dir: folder</source>
        <translation>Папка skopeo dir:</translation>
    </message>
    <message>
        <source>Open Layer</source>
        <translation>Открыть слой</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n member(s): what tar tvf lists, in the order stored. Select a member to see what it holds; double-click a layer to open it.</source>
        <translation>
            <numerusform>%1, %n элемент: то, что выводит tar tvf, в порядке хранения. Выберите элемент, чтобы увидеть его содержимое; дважды щёлкните слой, чтобы открыть его.</numerusform>
            <numerusform>%1, %n элемента: то, что выводит tar tvf, в порядке хранения. Выберите элемент, чтобы увидеть его содержимое; дважды щёлкните слой, чтобы открыть его.</numerusform>
            <numerusform>%1, %n элементов: то, что выводит tar tvf, в порядке хранения. Выберите элемент, чтобы увидеть его содержимое; дважды щёлкните слой, чтобы открыть его.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a member of the archive.</source>
        <translation>Выберите элемент архива.</translation>
    </message>
    <message>
        <source>%1 is %2: too large to show here.</source>
        <translation>%1 занимает %2: слишком много, чтобы показать здесь.</translation>
    </message>
    <message>
        <source>%1 as stored.</source>
        <translation>%1 в архиве.</translation>
    </message>
    <message>
        <source>Links to %1.</source>
        <translation>Ссылается на %1.</translation>
    </message>
    <message>
        <source>Layer %1. %2

%3</source>
        <translation>Слой %1. %2

%3</translation>
    </message>
    <message>
        <source>Open Layer %1</source>
        <translation>Открыть слой %1</translation>
    </message>
</context>
<context>
    <name>strata::CommandLine</name>
    <message>
        <source>Strata shows what is inside container images: their layers, the Dockerfile history and the merged filesystem at any layer. Without a file it opens a demo image.</source>
        <translation>Strata показывает, из чего состоят образы контейнеров: их слои, историю Dockerfile и объединённую файловую систему на любом слое. Без указания файла открывается демонстрационный образ.</translation>
    </message>
    <message>
        <source>Image archives (docker save, podman save, OCI) or image layout directories to open.</source>
        <translation>Архивы образов (docker save, podman save, OCI) или каталоги с образами для открытия.</translation>
    </message>
    <message>
        <source>--compare needs two images: A B</source>
        <translation>Для --compare нужны два образа: A B</translation>
    </message>
    <message>
        <source>Compare images A and B side by side.</source>
        <translation>Сравнить образы A и B бок о бок.</translation>
    </message>
    <message>
        <source>Show which layers the images of the given archives share.</source>
        <translation>Показать, какие слои общие у образов из указанных архивов.</translation>
    </message>
    <message>
        <source>Give the classroom lesson on the image (the demo image without one), step by step; Page Down goes on.</source>
        <translation>Провести урок на образе (без образа — на демонстрационном), шаг за шагом; Page Down — дальше.</translation>
    </message>
    <message>
        <source>Start the lesson at step N (1-13).</source>
        <translation>Начать урок с шага N (1–13).</translation>
    </message>
    <message>
        <source>--lesson-step needs a step from 1 to %1</source>
        <translation>--lesson-step ждёт номер шага от 1 до %1</translation>
    </message>
</context>
<context>
    <name>strata::CompareWindow</name>
    <message>
        <source>Changes only</source>
        <translation>Только изменения</translation>
    </message>
    <message>
        <source>Largest change first</source>
        <translation>Сначала крупнейшие изменения</translation>
    </message>
    <message>
        <source>Compare Contents</source>
        <translation>Сравнить содержимое</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Параметр</translation>
    </message>
    <message>
        <source>Compare Images — Strata</source>
        <translation>Сравнение образов — Strata</translation>
    </message>
    <message>
        <source>Reading both images…</source>
        <translation>Чтение обоих образов…</translation>
    </message>
    <message>
        <source>Read the files whose sizes are equal on both sides and compare their bytes</source>
        <translation>Прочитать файлы одинакового размера с обеих сторон и сравнить их байты</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Файлы</translation>
    </message>
    <message>
        <source>Largest Changes</source>
        <translation>Крупнейшие изменения</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Конфигурация</translation>
    </message>
    <message>
        <source>%1 ↔ %2 — Strata</source>
        <translation>%1 ↔ %2 — Strata</translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation>Сравнение…</translation>
    </message>
    <message>
        <source>shared with the other image (same chain ID)</source>
        <translation>общий с другим образом (тот же chain ID)</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;A: %1&lt;/th&gt;&lt;th&gt;B: %2&lt;/th&gt;&lt;th&gt;Change&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Size&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;%5%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Layers&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;td&gt;%9 shared&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Files&lt;/td&gt;&lt;td&gt;%10&lt;/td&gt;&lt;td&gt;%11&lt;/td&gt;&lt;td&gt;%12 added, %13 removed, %14 changed&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;th&gt;&lt;/th&gt;&lt;th&gt;A: %1&lt;/th&gt;&lt;th&gt;B: %2&lt;/th&gt;&lt;th&gt;Изменение&lt;/th&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Размер&lt;/td&gt;&lt;td&gt;%3&lt;/td&gt;&lt;td&gt;%4&lt;/td&gt;&lt;td&gt;%5%6&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Слои&lt;/td&gt;&lt;td&gt;%7&lt;/td&gt;&lt;td&gt;%8&lt;/td&gt;&lt;td&gt;общих: %9&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Файлы&lt;/td&gt;&lt;td&gt;%10&lt;/td&gt;&lt;td&gt;%11&lt;/td&gt;&lt;td&gt;добавлено %12, удалено %13, изменено %14&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>Comparing Contents…</source>
        <translation>Сравнение содержимого…</translation>
    </message>
    <message>
        <source>Contents Compared</source>
        <translation>Содержимое сравнено</translation>
    </message>
    <message>
        <source>Reading the images was cancelled.</source>
        <translation>Чтение образов отменено.</translation>
    </message>
    <message>
        <source>Opening both images…</source>
        <translation>Открытие обоих образов…</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Открытие %1…</translation>
    </message>
    <message>
        <source>%1 and %2, the largest change first (growth or shrink); a header sorts by its column.</source>
        <translation>%1 и %2, сначала крупнейшие изменения (рост или уменьшение); щелчок по заголовку сортирует по столбцу.</translation>
    </message>
    <message numerus="yes">
        <source>%n changed file(s)</source>
        <translation>
            <numerusform>%n изменённый файл</numerusform>
            <numerusform>%n изменённых файла</numerusform>
            <numerusform>%n изменённых файлов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n directory total(s)</source>
        <translation>
            <numerusform>%n итог по каталогу</numerusform>
            <numerusform>%n итога по каталогам</numerusform>
            <numerusform>%n итогов по каталогам</numerusform>
        </translation>
    </message>
    <message>
        <source>shared with the other image (same chain ID): stored once</source>
        <translation>общий с другим образом (тот же chain ID): хранится один раз</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Пакеты</translation>
    </message>
    <message>
        <source>Reading both images&apos; package databases…</source>
        <translation>Чтение баз пакетов обоих образов…</translation>
    </message>
    <message>
        <source>The packages could not be read: %1</source>
        <translation>Не удалось прочитать пакеты: %1</translation>
    </message>
    <message>
        <source>Both images have the same packages.</source>
        <translation>В обоих образах одни и те же пакеты.</translation>
    </message>
    <message>
        <source>From A to B: %1 added, %2 removed, %3 upgraded.</source>
        <translation>От A к B: добавлено %1, удалено %2, обновлено %3.</translation>
    </message>
    <message>
        <source>Show Differences</source>
        <translation>Показать различия</translation>
    </message>
    <message>
        <source>The selected file&apos;s two versions line by line (or double-click the file)</source>
        <translation>Две версии выбранного файла построчно (или дважды щёлкните файл)</translation>
    </message>
    <message>
        <source>%1, layer %2</source>
        <translation>%1, слой %2</translation>
    </message>
</context>
<context>
    <name>strata::ContainersPane</name>
    <message>
        <source>Assumed: no engine runs this image here, so this is the container docker run would start. Its read-write layer begins empty (0 B, what docker ps -s shows as SIZE); its virtual size is the image&apos;s %1, read from the layers below and never copied. Each further container adds only its own thin layer.</source>
        <translation>Предполагаемый: здесь этот образ не запущен ни одним движком, так что это контейнер, который запустил бы docker run. Его слой для чтения и записи сначала пуст (0 Б — это SIZE в docker ps -s); его виртуальный размер — это %1 образа, которые читаются из нижних слоёв и никогда не копируются. Каждый следующий контейнер добавляет только свой тонкий слой.</translation>
    </message>
    <message>
        <source>Asking the engine for the containers of this image…</source>
        <translation>Запрос контейнеров этого образа у движка…</translation>
    </message>
    <message>
        <source>No container of the engine runs this image: docker run would start one with an empty read-write layer on top of these read-only layers.</source>
        <translation>Ни один контейнер движка не запущен из этого образа: docker run запустил бы контейнер с пустым слоем для чтения и записи поверх этих слоёв только для чтения.</translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) run this image, each with its own read-write layer (%1 written in all) on the same read-only layers (%2, stored once). Double-click one to open it.</source>
        <translation>
            <numerusform>%n контейнер запущен из этого образа, со своим слоем для чтения и записи (всего записано %1) поверх тех же слоёв только для чтения (%2, хранятся один раз). Дважды щёлкните контейнер, чтобы открыть его.</numerusform>
            <numerusform>%n контейнера запущены из этого образа, у каждого свой слой для чтения и записи (всего записано %1) поверх тех же слоёв только для чтения (%2, хранятся один раз). Дважды щёлкните контейнер, чтобы открыть его.</numerusform>
            <numerusform>%n контейнеров запущены из этого образа, у каждого свой слой для чтения и записи (всего записано %1) поверх тех же слоёв только для чтения (%2, хранятся один раз). Дважды щёлкните контейнер, чтобы открыть его.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::DataSize</name>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>%1 B</source>
        <translation>%1 Б</translation>
    </message>
</context>
<context>
    <name>strata::Dockerfile</name>
    <message>
        <source># (this step recorded no command)</source>
        <translation># (этот шаг не записал команду)</translation>
    </message>
    <message>
        <source># Reconstructed from the image history: one instruction per step, oldest first.</source>
        <translation># Восстановлен по истории образа: одна инструкция на шаг, от старых к новым.</translation>
    </message>
    <message>
        <source># --- base image ends here: the steps below are this image&apos;s own ---</source>
        <translation># --- здесь кончается базовый образ: шаги ниже — собственные шаги этого образа ---</translation>
    </message>
    <message>
        <source># --- an earlier base image ends here ---</source>
        <translation># --- здесь кончается более ранний базовый образ ---</translation>
    </message>
    <message>
        <source># The steps of the base image %1:</source>
        <translation># Шаги базового образа %1:</translation>
    </message>
</context>
<context>
    <name>strata::DockerfileView</name>
    <message>
        <source>Dockerfile reconstructed from the history</source>
        <translation>Dockerfile, восстановленный по истории</translation>
    </message>
</context>
<context>
    <name>strata::EfficiencyModel</name>
    <message>
        <source>survives</source>
        <translation>сохраняется</translation>
    </message>
    <message>
        <source>overwritten in layer %1</source>
        <translation>перезаписан в слое %1</translation>
    </message>
    <message>
        <source>copied again in layer %1 only to change mode or owner</source>
        <translation>скопирован заново в слое %1 только ради смены прав или владельца</translation>
    </message>
    <message>
        <source>deleted in layer %1</source>
        <translation>удалён в слое %1</translation>
    </message>
    <message>
        <source>hidden by an opaque directory in layer %1</source>
        <translation>скрыт непрозрачным каталогом в слое %1</translation>
    </message>
    <message>
        <source>whiteout</source>
        <translation>whiteout-файл</translation>
    </message>
    <message>
        <source>layer %1: %2</source>
        <translation>слой %1: %2</translation>
    </message>
    <message>
        <source>layer %1: %2, %3</source>
        <translation>слой %1: %2, %3</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Путь</translation>
    </message>
    <message>
        <source>Copies</source>
        <translation>Копии</translation>
    </message>
    <message>
        <source>Wasted (dive)</source>
        <translation>Потеряно (dive)</translation>
    </message>
    <message>
        <source>Reclaimable</source>
        <translation>Можно сэкономить</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Почему</translation>
    </message>
    <message>
        <source>Every copy of a path dive lists, the surviving one included, as dive counts it</source>
        <translation>Все копии пути из списка dive, включая оставшуюся, — так считает dive</translation>
    </message>
    <message>
        <source>The bytes of the copies the final filesystem does not show</source>
        <translation>Байты копий, которых не видно в итоговой файловой системе</translation>
    </message>
</context>
<context>
    <name>strata::EfficiencyPanel</name>
    <message>
        <source>Shade layers by the bytes later layers waste</source>
        <translation>Затенять слои по байтам, которые теряются в верхних слоях</translation>
    </message>
    <message>
        <source>dive&apos;s efficiency: the smallest copy of each path over all its copies, summed over every path. 100 % means no layer carries a file a later layer throws away.</source>
        <translation>Эффективность по dive: наименьшая копия каждого пути, делённая на все его копии, по всем путям. 100 % значит, что ни один слой не несёт файл, который верхний слой выбрасывает.</translation>
    </message>
    <message>
        <source>Efficiency: …</source>
        <translation>Эффективность: …</translation>
    </message>
    <message>
        <source>Efficiency %1 %</source>
        <translation>Эффективность %1 %</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>н/д</translation>
    </message>
    <message>
        <source>&lt;b&gt;Wasted (dive):&lt;/b&gt; %1 (%2 bytes), %3 of the layers above the base&lt;br&gt;&lt;b&gt;Reclaimable:&lt;/b&gt; %4 (%5 bytes) of %6 shipped</source>
        <translation>&lt;b&gt;Потеряно (dive):&lt;/b&gt; %1 (%2 байт), %3 от слоёв над базовым образом&lt;br&gt;&lt;b&gt;Можно сэкономить:&lt;/b&gt; %4 (%5 байт) из %6 в образе</translation>
    </message>
    <message>
        <source>share of the layer&apos;s bytes that a later layer deletes, overwrites or hides</source>
        <translation>доля байтов слоя, которые верхний слой удаляет, перезаписывает или скрывает</translation>
    </message>
    <message>
        <source>layers holding a copy of /%1</source>
        <translation>слои с копией /%1</translation>
    </message>
    <message>
        <source>Leave out the base image</source>
        <translation>Без базового образа</translation>
    </message>
    <message>
        <source>The base image&apos;s waste is not this Dockerfile&apos;s to fix: leave its layers out of the findings. Where the history does not say where the base ends, layer 0 is left out.</source>
        <translation>Потери базового образа не исправить в этом Dockerfile: его слои не учитываются в находках. Если история не говорит, где кончается базовый образ, не учитывается слой 0.</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Находки</translation>
    </message>
    <message>
        <source>Wasted Paths</source>
        <translation>Потерянные пути</translation>
    </message>
    <message>
        <source>the layer that ships %1</source>
        <translation>слой, в котором лежит: %1</translation>
    </message>
    <message>
        <source>Leave out the base image (layers 0–%1)</source>
        <translation>Без базового образа (слои 0–%1)</translation>
    </message>
    <message>
        <source>Leave out the base image (layer 0)</source>
        <translation>Без базового образа (слой 0)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;Findings:&lt;/b&gt; %n to fix, saving %1</source>
        <translation>
            <numerusform>&lt;b&gt;Находки:&lt;/b&gt; %n к исправлению, экономия %1</numerusform>
            <numerusform>&lt;b&gt;Находки:&lt;/b&gt; %n к исправлению, экономия %1</numerusform>
            <numerusform>&lt;b&gt;Находки:&lt;/b&gt; %n к исправлению, экономия %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n secret(s)</source>
        <translation>
            <numerusform>%n секрет</numerusform>
            <numerusform>%n секрета</numerusform>
            <numerusform>%n секретов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A multi-stage build would ship about %1: /%2 and the %n file(s) it loads.</source>
        <translation>
            <numerusform>Многоэтапная сборка дала бы около %1: /%2 и %n загружаемый им файл.</numerusform>
            <numerusform>Многоэтапная сборка дала бы около %1: /%2 и %n загружаемых им файла.</numerusform>
            <numerusform>Многоэтапная сборка дала бы около %1: /%2 и %n загружаемых им файлов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reading the files&apos; contents for keys and tokens…</source>
        <translation>Поиск ключей и токенов в содержимом файлов…</translation>
    </message>
    <message>
        <source>dive counts every copy of a path it lists, the surviving one included. Reclaimable bytes are what a better build would not ship: every copy but the one the final filesystem shows, deleted files in full, with opaque directories taken into account. Findings count each byte once.</source>
        <translation>dive учитывает все копии пути из своего списка, включая оставшуюся. «Можно сэкономить» — то, что лучшая сборка не поставляла бы: все копии, кроме видимой в итоговой файловой системе, удалённые файлы целиком, с учётом непрозрачных каталогов. В находках каждый байт учитывается один раз.</translation>
    </message>
    <message>
        <source>A multi-stage build would ship about %1: /%2, which loads no other file.</source>
        <translation>Многоэтапная сборка дала бы около %1: /%2, который не загружает других файлов.</translation>
    </message>
    <message>
        <source>Not every file&apos;s contents could be read for keys and tokens: %1</source>
        <translation>Не у всех файлов удалось прочитать содержимое для поиска ключей и токенов: %1</translation>
    </message>
</context>
<context>
    <name>strata::EngineBrowser</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Сравнить</translation>
    </message>
    <message>
        <source>Layer &amp;Reuse</source>
        <translation>&amp;Повторное использование слоёв</translation>
    </message>
    <message>
        <source>Open from Engine</source>
        <translation>Открыть из движка</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Образы</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Контейнеры</translation>
    </message>
    <message>
        <source>Filter by name, tag, ID or image</source>
        <translation>Фильтр по имени, тегу, ID или образу</translation>
    </message>
    <message>
        <source>Show each selected image or container in a tab of its own</source>
        <translation>Показать каждый выбранный образ или контейнер в отдельной вкладке</translation>
    </message>
    <message>
        <source>Compare the two selected images or containers side by side</source>
        <translation>Сравнить два выбранных образа или контейнера бок о бок</translation>
    </message>
    <message>
        <source>Show which layers the selected images share, with their real containers on top</source>
        <translation>Показать, какие слои разделяют выбранные образы, с их настоящими контейнерами сверху</translation>
    </message>
    <message>
        <source>%1: %2 %3 %4</source>
        <translation>%1: %2 %3 %4</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Образы (%1)</translation>
    </message>
    <message>
        <source>Containers (%1)</source>
        <translation>Контейнеры (%1)</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; at %2: %n image(s), live</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; по адресу %2: %n образ, обновляется на лету</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; по адресу %2: %n образа, обновляется на лету</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; по адресу %2: %n образов, обновляется на лету</numerusform>
        </translation>
    </message>
    <message>
        <source>Looking for Docker and Podman engines…</source>
        <translation>Поиск движков Docker и Podman…</translation>
    </message>
    <message>
        <source>&lt;b&gt;No engine answers.&lt;/b&gt; Start Docker (&lt;code&gt;systemctl start docker&lt;/code&gt;) or Podman&apos;s service (&lt;code&gt;systemctl --user start podman.socket&lt;/code&gt;), or set the engine&apos;s address in the settings.</source>
        <translation>&lt;b&gt;Ни один движок не отвечает.&lt;/b&gt; Запустите Docker (&lt;code&gt;systemctl start docker&lt;/code&gt;) или службу Podman (&lt;code&gt;systemctl --user start podman.socket&lt;/code&gt;) либо укажите адрес движка в настройках.</translation>
    </message>
</context>
<context>
    <name>strata::EngineContainerModel</name>
    <message>
        <source>What the container wrote: its read-write layer, as the engine measures it (docker ps -s).</source>
        <translation>Что записал контейнер: его слой для чтения и записи, как его измеряет движок (docker ps -s).</translation>
    </message>
    <message>
        <source>The read-write layer with the image&apos;s layers below it, which other containers of the image share.</source>
        <translation>Слой для чтения и записи вместе со слоями образа под ним, которые разделяют другие контейнеры этого образа.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Образ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Virtual Size</source>
        <translation>Виртуальный размер</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Движок</translation>
    </message>
</context>
<context>
    <name>strata::EngineImageModel</name>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>A dangling image: no tag names it any more (a newer build took its tag). docker image prune removes such images.</source>
        <translation>Висячий образ: ни один тег больше не указывает на него (более новая сборка забрала его тег). docker image prune удаляет такие образы.</translation>
    </message>
    <message>
        <source>Bytes in layers that another image uses too: stored once, counted in both images&apos; sizes.</source>
        <translation>Байты в слоях, которые использует и другой образ: хранятся один раз, но учитываются в размерах обоих образов.</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Репозиторий</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Тег</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>ID образа</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Shared Size</source>
        <translation>Общий размер</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Контейнеры</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Движок</translation>
    </message>
</context>
<context>
    <name>strata::EntryDetailsPane</name>
    <message>
        <source>Type:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Размер:</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Права:</translation>
    </message>
    <message>
        <source>Owner (uid:gid):</source>
        <translation>Владелец (uid:gid):</translation>
    </message>
    <message>
        <source>Modified:</source>
        <translation>Изменён:</translation>
    </message>
    <message>
        <source>Link target:</source>
        <translation>Цель ссылки:</translation>
    </message>
    <message>
        <source>From layer:</source>
        <translation>Из слоя:</translation>
    </message>
    <message>
        <source>At this layer:</source>
        <translation>На этом слое:</translation>
    </message>
    <message>
        <source>Select a file or directory in the tree to see its details, the layers that hold it and its content.</source>
        <translation>Выберите файл или каталог в дереве, чтобы увидеть его свойства, слои, в которых он есть, и его содержимое.</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Наложение</translation>
    </message>
    <message>
        <source>How overlayfs would mount the image at the selected layer: the selected layer is the upper directory, the layers below are lower directories, and the merged view shows the topmost copy unless a whiteout deletes it.</source>
        <translation>Как overlayfs смонтировала бы образ на выбранном слое: выбранный слой — верхний каталог (upperdir), слои под ним — нижние каталоги (lowerdir), а объединённое представление показывает самую верхнюю копию, если её не удаляет whiteout.</translation>
    </message>
    <message>
        <source>Not in the filesystem at layer %1</source>
        <translation>Отсутствует в файловой системе на слое %1</translation>
    </message>
    <message>
        <source>Whiteout (deletes the path below)</source>
        <translation>Whiteout (удаляет путь из нижних слоёв)</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n entries</source>
        <translation>
            <numerusform>%1 в %n элементе</numerusform>
            <numerusform>%1 в %n элементах</numerusform>
            <numerusform>%1 в %n элементах</numerusform>
        </translation>
    </message>
    <message>
        <source>A directory: select a file to see its content.</source>
        <translation>Это каталог: выберите файл, чтобы увидеть его содержимое.</translation>
    </message>
    <message>
        <source>A symbolic link to %1; Strata never follows links inside images.</source>
        <translation>Символическая ссылка на %1; Strata никогда не переходит по ссылкам внутри образов.</translation>
    </message>
    <message>
        <source>A whiteout has no content: it deletes the path from the layers below.</source>
        <translation>У whiteout нет содержимого: он удаляет путь из нижних слоёв.</translation>
    </message>
    <message>
        <source>This kind of entry has no content to show.</source>
        <translation>У элементов такого типа нет содержимого для показа.</translation>
    </message>
    <message>
        <source>%1 (its mode and owner)</source>
        <translation>%1 (её права и владелец)</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>Пакет:</translation>
    </message>
    <message>
        <source>%1 %2 (%3), installed by layer %4</source>
        <translation>%1 %2 (%3), установлен слоем %4</translation>
    </message>
</context>
<context>
    <name>strata::ExportFlow</name>
    <message>
        <source>Writing %1… %2 %</source>
        <translation>Запись %1… %2 %</translation>
    </message>
    <message>
        <source>Save File As</source>
        <translation>Сохранить файл как</translation>
    </message>
    <message>
        <source>Export as Tar</source>
        <translation>Экспорт в tar</translation>
    </message>
    <message>
        <source>Tar archives (*.tar)</source>
        <translation>Архивы tar (*.tar)</translation>
    </message>
    <message>
        <source>Extract to Folder</source>
        <translation>Извлечь в папку</translation>
    </message>
    <message>
        <source>“%1” already exists in %2 and is kept. Extract into “%3” instead?</source>
        <translation>«%1» уже есть в %2 и останется как есть. Извлечь в «%3»?</translation>
    </message>
    <message>
        <source>%1 is still being written; wait for it to finish.</source>
        <translation>%1 ещё записывается; дождитесь окончания.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Запись %1…</translation>
    </message>
</context>
<context>
    <name>strata::FileDiffWindow</name>
    <message>
        <source>Side by Side</source>
        <translation>Рядом</translation>
    </message>
    <message>
        <source>The old version on the left, the new one on the right</source>
        <translation>Старая версия слева, новая справа</translation>
    </message>
    <message>
        <source>Unified</source>
        <translation>Единым списком</translation>
    </message>
    <message>
        <source>One column: removed lines, then the lines that replace them</source>
        <translation>Один столбец: удалённые строки, затем строки, которые их заменяют</translation>
    </message>
    <message>
        <source>Previous Change</source>
        <translation>Предыдущее изменение</translation>
    </message>
    <message>
        <source>Go to the change above (Alt+Up)</source>
        <translation>Перейти к изменению выше (Alt+Up)</translation>
    </message>
    <message>
        <source>Next Change</source>
        <translation>Следующее изменение</translation>
    </message>
    <message>
        <source>Go to the change below (Alt+Down)</source>
        <translation>Перейти к изменению ниже (Alt+Down)</translation>
    </message>
    <message>
        <source>Copy as Patch</source>
        <translation>Копировать как патч</translation>
    </message>
    <message>
        <source>Copy the changes as a unified diff, as diff -u writes it</source>
        <translation>Скопировать изменения в формате unified diff, как пишет diff -u</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Symbol</source>
        <translation>Символ</translation>
    </message>
    <message>
        <source>%1 — Differences</source>
        <translation>%1 — различия</translation>
    </message>
    <message>
        <source>Old: %1    New: %2</source>
        <translation>Старая: %1    Новая: %2</translation>
    </message>
    <message>
        <source>Reading both versions…</source>
        <translation>Чтение обеих версий…</translation>
    </message>
    <message>
        <source>/%1 could not be read: %2</source>
        <translation>Не удалось прочитать /%1: %2</translation>
    </message>
    <message>
        <source>Neither side has a file at /%1.</source>
        <translation>Ни в одной из версий нет файла /%1.</translation>
    </message>
    <message>
        <source>Both versions are the same %1 (SHA-256 %2).</source>
        <translation>Обе версии одинаковы: %1 (SHA-256 %2).</translation>
    </message>
    <message>
        <source>ELF files: compared by size, SHA-256 and their symbols.</source>
        <translation>Файлы ELF: сравнены по размеру, SHA-256 и символам.</translation>
    </message>
    <message>
        <source>Binary files: compared by size and SHA-256.</source>
        <translation>Двоичные файлы: сравнены по размеру и SHA-256.</translation>
    </message>
    <message>
        <source>Too large to compare line by line (more than %1): compared by size and SHA-256.</source>
        <translation>Слишком большие для построчного сравнения (больше %1): сравнены по размеру и SHA-256.</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>файла нет</translation>
    </message>
    <message>
        <source>Old</source>
        <translation>Старая</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <source>Symbols defined only in the new version (%1)</source>
        <translation>Символы, определённые только в новой версии (%1)</translation>
    </message>
    <message>
        <source>Symbols defined only in the old version (%1)</source>
        <translation>Символы, определённые только в старой версии (%1)</translation>
    </message>
    <message>
        <source>Symbols the new version also takes from other libraries (%1)</source>
        <translation>Символы, которые новая версия теперь берёт из других библиотек (%1)</translation>
    </message>
    <message>
        <source>Symbols the new version no longer takes from other libraries (%1)</source>
        <translation>Символы, которые новая версия больше не берёт из других библиотек (%1)</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>+%1 −%2 lines</source>
        <translation>строк: +%1 −%2</translation>
    </message>
    <message>
        <source>change %1 of %2</source>
        <translation>изменение %1 из %2</translation>
    </message>
    <message>
        <source>(too many changes for the shortest diff)</source>
        <translation>(слишком много изменений для кратчайшего сравнения)</translation>
    </message>
</context>
<context>
    <name>strata::FilePreview</name>
    <message>
        <source>Save As…</source>
        <translation>Сохранить как…</translation>
    </message>
    <message>
        <source>Extract this file from its layer to a file of your choice</source>
        <translation>Извлечь этот файл из его слоя в выбранный вами файл</translation>
    </message>
    <message>
        <source>Reading the file from layer %1…</source>
        <translation>Чтение файла из слоя %1…</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Не удалось прочитать файл: %1</translation>
    </message>
    <message>
        <source>Binary file, %1 — the first bytes:</source>
        <translation>Двоичный файл, %1 — первые байты:</translation>
    </message>
    <message>
        <source>Text file, %1 — the first %2:</source>
        <translation>Текстовый файл, %1 — первые %2:</translation>
    </message>
    <message>
        <source>Text file, %1</source>
        <translation>Текстовый файл, %1</translation>
    </message>
    <message>
        <source>Save File As</source>
        <translation>Сохранить файл как</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>Сохранено: %1 (%2).</translation>
    </message>
</context>
<context>
    <name>strata::FileTreeModel</name>
    <message>
        <source>whiteout</source>
        <translation>whiteout</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n entries</source>
        <translation>
            <numerusform>%1 в %n элементе</numerusform>
            <numerusform>%1 в %n элементах</numerusform>
            <numerusform>%1 в %n элементах</numerusform>
        </translation>
    </message>
    <message>
        <source>This entry comes from layer %1</source>
        <translation>Этот элемент взят из слоя %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Mode / Owner</source>
        <translation>Права / владелец</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>File size; for a directory, the total of the files below it</source>
        <translation>Размер файла; для каталога — суммарный размер файлов в нём</translation>
    </message>
    <message>
        <source>The layer the visible copy of the entry comes from</source>
        <translation>Слой, из которого взята видимая копия элемента</translation>
    </message>
    <message>
        <source>What the selected layer does to the entry</source>
        <translation>Что выбранный слой делает с элементом</translation>
    </message>
    <message>
        <source>This folder&apos;s mode and owner come from layer %1; a later layer that lists it again unchanged does not count, though overlayfs shows that layer&apos;s copy</source>
        <translation>Права и владелец этой папки взяты из слоя %1; более поздний слой, где она указана снова без изменений, не считается, хотя overlayfs показывает копию из него</translation>
    </message>
</context>
<context>
    <name>strata::FileTreePane</name>
    <message>
        <source>Changed only</source>
        <translation>Только изменённые</translation>
    </message>
    <message>
        <source>Changes in this layer only</source>
        <translation>Только изменения этого слоя</translation>
    </message>
    <message>
        <source>Filter by name (text or glob: *.conf)</source>
        <translation>Фильтр по имени (текст или шаблон: *.conf)</translation>
    </message>
    <message>
        <source>Shows entries whose name contains the text, or matches the glob pattern when it holds *, ? or [ ]; the contents of a matching directory are shown too.</source>
        <translation>Показывает элементы, имя которых содержит текст или подходит под шаблон, если в нём есть *, ? или [ ]; содержимое подходящего каталога тоже показывается.</translation>
    </message>
    <message>
        <source>Show only what the selected layer added, modified or deleted</source>
        <translation>Показывать только то, что выбранный слой добавил, изменил или удалил</translation>
    </message>
    <message>
        <source>Show the entries of the selected layer&apos;s own archive, deletions (whiteouts) included, instead of the merged filesystem</source>
        <translation>Показывать собственные элементы выбранного слоя, включая удаления (whiteout), вместо объединённой файловой системы</translation>
    </message>
    <message>
        <source>Expand All</source>
        <translation>Развернуть всё</translation>
    </message>
    <message>
        <source>Expand every directory (large trees: only the first levels)</source>
        <translation>Развернуть все каталоги (у больших деревьев — только первые уровни)</translation>
    </message>
    <message>
        <source>Collapse All</source>
        <translation>Свернуть всё</translation>
    </message>
    <message numerus="yes">
        <source>%1 entries are too many to expand at once; expanded %n level(s).</source>
        <translation>
            <numerusform>%1 элементов — слишком много, чтобы развернуть всё сразу; развёрнут %n уровень.</numerusform>
            <numerusform>%1 элементов — слишком много, чтобы развернуть всё сразу; развёрнуто %n уровня.</numerusform>
            <numerusform>%1 элементов — слишком много, чтобы развернуть всё сразу; развёрнуто %n уровней.</numerusform>
        </translation>
    </message>
    <message>
        <source>Computing the filesystem at layer %1…</source>
        <translation>Вычисление файловой системы на слое %1…</translation>
    </message>
    <message>
        <source>Layer %1 only: its own entries</source>
        <translation>Только слой %1: его собственные элементы</translation>
    </message>
    <message>
        <source>Merged filesystem at layer %1</source>
        <translation>Объединённая файловая система на слое %1</translation>
    </message>
    <message>
        <source>%1 — %2 of %3 entries match</source>
        <translation>%1 — подходят %2 из %3 элементов</translation>
    </message>
    <message>
        <source>%1 — %2 entries</source>
        <translation>%1 — элементов: %2</translation>
    </message>
    <message>
        <source>from layer </source>
        <translation>со слоя </translation>
    </message>
    <message>
        <source>Show what the layers from this one up to the selected one change together: each path once, with its net change (a file added and deleted in between is not there). The selected layer itself shows that layer alone.</source>
        <translation>Показать, что слои начиная с этого и до выбранного меняют вместе: каждый путь один раз, с итоговым изменением (файла, добавленного и удалённого в этом промежутке, нет). Сам выбранный слой показывает только этот слой.</translation>
    </message>
    <message>
        <source>Layers %1 to %2 together: their net changes</source>
        <translation>Слои с %1 по %2 вместе: их итоговые изменения</translation>
    </message>
    <message>
        <source>As Stored in the Tar</source>
        <translation>Как хранится в tar</translation>
    </message>
    <message>
        <source>The layer&apos;s tar entry by entry, the whiteout files (.wh.NAME) as written, beside what they mean here</source>
        <translation>Tar слоя запись за записью: файлы whiteout (.wh.NAME) в том виде, как записаны, и что они здесь значат</translation>
    </message>
    <message>
        <source>(from the layer below)</source>
        <translation>(из слоя ниже)</translation>
    </message>
    <message>
        <source>Save File As…</source>
        <translation>Сохранить файл как…</translation>
    </message>
    <message>
        <source>Export as Tar…</source>
        <translation>Экспорт в tar…</translation>
    </message>
    <message>
        <source>Extract to Folder…</source>
        <translation>Извлечь в папку…</translation>
    </message>
    <message>
        <source>Copy Path</source>
        <translation>Копировать путь</translation>
    </message>
    <message>
        <source>Compare with Layer %1</source>
        <translation>Сравнить со слоем %1</translation>
    </message>
</context>
<context>
    <name>strata::Findings</name>
    <message>
        <source>Delete the files in the same RUN that creates them: a later layer&apos;s deletion hides them but every byte still ships.</source>
        <translation>Удаляйте файлы в том же RUN, который их создаёт: удаление в верхнем слое их скрывает, но все байты остаются в образе.</translation>
    </message>
    <message>
        <source>Set the mode and owner where the files are added (`COPY --chmod=… --chown=…`): a separate chmod or chown copies every file into a new layer.</source>
        <translation>Задавайте права и владельца там, где файлы добавляются (`COPY --chmod=… --chown=…`): отдельный chmod или chown копирует каждый файл в новый слой.</translation>
    </message>
    <message>
        <source>Write the files once, in the last step that changes them: the earlier copies still ship.</source>
        <translation>Записывайте файлы один раз, в последнем шаге, который их меняет: прежние копии остаются в образе.</translation>
    </message>
    <message>
        <source>files copied again by a chmod or chown in layer %1</source>
        <translation>файлы, заново скопированные chmod или chown в слое %1</translation>
    </message>
    <message>
        <source>files written again in layer %1</source>
        <translation>файлы, заново записанные в слое %1</translation>
    </message>
    <message>
        <source>files deleted in layer %1</source>
        <translation>файлы, удалённые в слое %1</translation>
    </message>
    <message numerus="yes">
        <source>A multi-stage build would ship about %1 here: /%2 and the %n file(s) it loads.</source>
        <translation>
            <numerusform>Многоэтапная сборка дала бы здесь около %1: /%2 и %n загружаемый им файл.</numerusform>
            <numerusform>Многоэтапная сборка дала бы здесь около %1: /%2 и %n загружаемых им файла.</numerusform>
            <numerusform>Многоэтапная сборка дала бы здесь около %1: /%2 и %n загружаемых им файлов.</numerusform>
        </translation>
    </message>
    <message>
        <source>Layer %1 removes them, but they still ship in layer %2. %3</source>
        <translation>Слой %1 их удаляет, но они всё равно остаются в слое %2. %3</translation>
    </message>
    <message>
        <source>private key (PEM)</source>
        <translation>закрытый ключ (PEM)</translation>
    </message>
    <message>
        <source>AWS access key ID</source>
        <translation>идентификатор ключа доступа AWS</translation>
    </message>
    <message>
        <source>GitHub token</source>
        <translation>токен GitHub</translation>
    </message>
    <message>
        <source>GitLab token</source>
        <translation>токен GitLab</translation>
    </message>
    <message>
        <source>Slack token</source>
        <translation>токен Slack</translation>
    </message>
    <message>
        <source>Run `apt-get clean` in the same RUN as `apt-get install` (Debian&apos;s and Ubuntu&apos;s images do it for you unless a step turns it off).</source>
        <translation>Выполняйте `apt-get clean` в том же RUN, что и `apt-get install` (образы Debian и Ubuntu делают это сами, если какой-то шаг это не отключил).</translation>
    </message>
    <message>
        <source>End the RUN that calls `apt-get update` with `&amp;&amp; rm -rf /var/lib/apt/lists/*`.</source>
        <translation>Завершайте RUN, вызывающий `apt-get update`, командой `&amp;&amp; rm -rf /var/lib/apt/lists/*`.</translation>
    </message>
    <message>
        <source>Run `dnf clean all` (or `yum clean all`) in the same RUN.</source>
        <translation>Выполняйте `dnf clean all` (или `yum clean all`) в том же RUN.</translation>
    </message>
    <message>
        <source>Build in a separate stage and COPY only the binary, or keep the cache out of the layer with `RUN --mount=type=cache,target=…`.</source>
        <translation>Собирайте на отдельном этапе и копируйте (COPY) только исполняемый файл или держите кэш вне слоя с помощью `RUN --mount=type=cache,target=…`.</translation>
    </message>
    <message>
        <source>Build in a separate stage and COPY only what the program needs at run time.</source>
        <translation>Собирайте на отдельном этапе и копируйте (COPY) только то, что нужно программе при запуске.</translation>
    </message>
    <message>
        <source>Never COPY it into the image: pass it with `RUN --mount=type=secret` or at run time. Deleting it in a later layer does not remove it; rotate the credential.</source>
        <translation>Никогда не копируйте его в образ: передавайте через `RUN --mount=type=secret` или при запуске. Удаление в верхнем слое его не убирает; замените учётные данные.</translation>
    </message>
    <message>
        <source>SSH private key</source>
        <translation>закрытый ключ SSH</translation>
    </message>
    <message>
        <source>private key file</source>
        <translation>файл закрытого ключа</translation>
    </message>
    <message>
        <source>PKCS #12 key store</source>
        <translation>хранилище ключей PKCS #12</translation>
    </message>
    <message>
        <source>.env file</source>
        <translation>файл .env</translation>
    </message>
    <message>
        <source>AWS credentials</source>
        <translation>учётные данные AWS</translation>
    </message>
    <message>
        <source>Google Cloud credentials</source>
        <translation>учётные данные Google Cloud</translation>
    </message>
    <message>
        <source>Docker registry credentials</source>
        <translation>учётные данные реестра Docker</translation>
    </message>
    <message>
        <source>Kubernetes credentials</source>
        <translation>учётные данные Kubernetes</translation>
    </message>
    <message>
        <source>Git credentials</source>
        <translation>учётные данные Git</translation>
    </message>
    <message>
        <source>netrc credentials</source>
        <translation>учётные данные netrc</translation>
    </message>
    <message>
        <source>PyPI credentials</source>
        <translation>учётные данные PyPI</translation>
    </message>
    <message>
        <source>Git repository (.git)</source>
        <translation>репозиторий Git (.git)</translation>
    </message>
    <message>
        <source>Add .git to .dockerignore: the repository&apos;s whole history ships with the image.</source>
        <translation>Добавьте .git в .dockerignore: вся история репозитория попадает в образ.</translation>
    </message>
    <message>
        <source>apt package cache</source>
        <translation>кэш пакетов apt</translation>
    </message>
    <message>
        <source>apt package lists</source>
        <translation>списки пакетов apt</translation>
    </message>
    <message>
        <source>apk package cache</source>
        <translation>кэш пакетов apk</translation>
    </message>
    <message>
        <source>Use `apk add --no-cache`.</source>
        <translation>Используйте `apk add --no-cache`.</translation>
    </message>
    <message>
        <source>dnf package cache</source>
        <translation>кэш пакетов dnf</translation>
    </message>
    <message>
        <source>yum package cache</source>
        <translation>кэш пакетов yum</translation>
    </message>
    <message>
        <source>pip cache</source>
        <translation>кэш pip</translation>
    </message>
    <message>
        <source>Use `pip install --no-cache-dir` (or set PIP_NO_CACHE_DIR=1).</source>
        <translation>Используйте `pip install --no-cache-dir` (или задайте PIP_NO_CACHE_DIR=1).</translation>
    </message>
    <message>
        <source>npm cache</source>
        <translation>кэш npm</translation>
    </message>
    <message>
        <source>Run `npm cache clean --force` in the same RUN as `npm install`.</source>
        <translation>Выполняйте `npm cache clean --force` в том же RUN, что и `npm install`.</translation>
    </message>
    <message>
        <source>Yarn cache</source>
        <translation>кэш Yarn</translation>
    </message>
    <message>
        <source>Run `yarn cache clean` in the same RUN as `yarn install`.</source>
        <translation>Выполняйте `yarn cache clean` в том же RUN, что и `yarn install`.</translation>
    </message>
    <message>
        <source>Go build cache</source>
        <translation>кэш сборки Go</translation>
    </message>
    <message>
        <source>Go module cache</source>
        <translation>кэш модулей Go</translation>
    </message>
    <message>
        <source>Cargo registry cache</source>
        <translation>кэш реестра Cargo</translation>
    </message>
    <message>
        <source>Maven repository cache</source>
        <translation>кэш репозитория Maven</translation>
    </message>
    <message>
        <source>Gradle cache</source>
        <translation>кэш Gradle</translation>
    </message>
    <message>
        <source>Go toolchain</source>
        <translation>инструменты Go</translation>
    </message>
    <message>
        <source>GCC compiler</source>
        <translation>компилятор GCC</translation>
    </message>
    <message>
        <source>LLVM and Clang</source>
        <translation>LLVM и Clang</translation>
    </message>
    <message>
        <source>Rust toolchain</source>
        <translation>инструменты Rust</translation>
    </message>
    <message>
        <source>Java development kit (jmods)</source>
        <translation>JDK (jmods)</translation>
    </message>
    <message>
        <source>C headers (-dev packages)</source>
        <translation>заголовки C (пакеты -dev)</translation>
    </message>
    <message>
        <source>static libraries (-dev packages)</source>
        <translation>статические библиотеки (пакеты -dev)</translation>
    </message>
    <message>
        <source>Python bytecode</source>
        <translation>байт-код Python</translation>
    </message>
    <message>
        <source>Set PYTHONDONTWRITEBYTECODE=1 in the steps that install, or compile once in the last one: each layer that runs Python writes its own copies.</source>
        <translation>Задайте PYTHONDONTWRITEBYTECODE=1 в шагах установки или компилируйте один раз в последнем: каждый слой, где запускается Python, пишет свои копии.</translation>
    </message>
    <message>
        <source>log files</source>
        <translation>журналы</translation>
    </message>
    <message>
        <source>Remove the logs in the RUN that writes them (apt and dpkg write /var/log/apt and /var/log/dpkg.log).</source>
        <translation>Удаляйте журналы в том RUN, который их пишет (apt и dpkg пишут /var/log/apt и /var/log/dpkg.log).</translation>
    </message>
    <message>
        <source>temporary files</source>
        <translation>временные файлы</translation>
    </message>
    <message>
        <source>Remove temporary files in the RUN that creates them.</source>
        <translation>Удаляйте временные файлы в том RUN, который их создаёт.</translation>
    </message>
    <message>
        <source>A multi-stage build would ship about %1 here: /%2, which loads no other file.</source>
        <translation>Многоэтапная сборка дала бы здесь около %1: /%2, который не загружает других файлов.</translation>
    </message>
</context>
<context>
    <name>strata::FindingsModel</name>
    <message>
        <source>Layer %1</source>
        <translation>Слой %1</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Секрет</translation>
    </message>
    <message>
        <source>Package manager cache</source>
        <translation>Кэш менеджера пакетов</translation>
    </message>
    <message>
        <source>Build toolchain</source>
        <translation>Инструменты сборки</translation>
    </message>
    <message>
        <source>Headers and static libraries</source>
        <translation>Заголовки и статические библиотеки</translation>
    </message>
    <message>
        <source>Python bytecode</source>
        <translation>байт-код Python</translation>
    </message>
    <message>
        <source>Logs and temporary files</source>
        <translation>Журналы и временные файлы</translation>
    </message>
    <message>
        <source>Deleted in a later layer</source>
        <translation>Удалено в верхнем слое</translation>
    </message>
    <message>
        <source>Copied again for a mode or owner change</source>
        <translation>Скопировано заново ради смены прав или владельца</translation>
    </message>
    <message>
        <source>Written again in a later layer</source>
        <translation>Записано заново в верхнем слое</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1 bytes</source>
        <translation>
            <numerusform>%n файл, %1 байт</numerusform>
            <numerusform>%n файла, %1 байт</numerusform>
            <numerusform>%n файлов, %1 байт</numerusform>
        </translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Находка</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>Экономия</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Шаг</translation>
    </message>
</context>
<context>
    <name>strata::FindingsPane</name>
    <message>
        <source>Largest first</source>
        <translation>Сначала крупные</translation>
    </message>
    <message>
        <source>By layer</source>
        <translation>По слоям</translation>
    </message>
    <message>
        <source>By directory</source>
        <translation>По каталогам</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <source>Choose a finding to see its fix and its files.</source>
        <translation>Выберите находку, чтобы увидеть исправление и её файлы.</translation>
    </message>
    <message numerus="yes">
        <source>Layer %1 ships %2 in %n file(s)</source>
        <translation>
            <numerusform>Слой %1 содержит %2 в %n файле</numerusform>
            <numerusform>Слой %1 содержит %2 в %n файлах</numerusform>
            <numerusform>Слой %1 содержит %2 в %n файлах</numerusform>
        </translation>
    </message>
    <message>
        <source>(layer %1 deleted or replaced them: they still ship).</source>
        <translation>(слой %1 их удалил или заменил, но они всё равно в образе).</translation>
    </message>
    <message>
        <source>Caused by:</source>
        <translation>Причина:</translation>
    </message>
    <message>
        <source>Fix:</source>
        <translation>Исправление:</translation>
    </message>
    <message>
        <source>in layer %1&apos;s tar at byte %2</source>
        <translation>в tar слоя %1 на байте %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more file(s)</source>
        <translation>
            <numerusform>… и ещё %n файл</numerusform>
            <numerusform>… и ещё %n файла</numerusform>
            <numerusform>… и ещё %n файлов</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::HistoryModel</name>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Created By</source>
        <translation>Команда</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Комментарий</translation>
    </message>
    <message>
        <source>(not in the history)</source>
        <translation>(нет в истории)</translation>
    </message>
    <message>
        <source>The history does not say when this step ran.</source>
        <translation>История не сообщает, когда выполнялся этот шаг.</translation>
    </message>
    <message>
        <source>Layer %1 is not described by any step of the history.</source>
        <translation>Слой %1 не описан ни одним шагом истории.</translation>
    </message>
    <message>
        <source>Made layer %1.</source>
        <translation>Создал слой %1.</translation>
    </message>
    <message>
        <source>Made no layer: this step only changed the image&apos;s configuration.</source>
        <translation>Не создал слоя: этот шаг изменил только конфигурацию образа.</translation>
    </message>
    <message>
        <source>The history says this step made a layer, but the image has no layer left for it.</source>
        <translation>По истории этот шаг создал слой, но в образе для него не осталось слоя.</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 байт</translation>
    </message>
    <message>
        <source>Stored: %1</source>
        <translation>Хранится: %1</translation>
    </message>
    <message>
        <source>in the future</source>
        <translation>в будущем</translation>
    </message>
    <message>
        <source>seconds ago</source>
        <translation>несколько секунд назад</translation>
    </message>
    <message>
        <source>a minute ago</source>
        <translation>минуту назад</translation>
    </message>
    <message numerus="yes">
        <source>%n minutes ago</source>
        <translation>
            <numerusform>%n минуту назад</numerusform>
            <numerusform>%n минуты назад</numerusform>
            <numerusform>%n минут назад</numerusform>
        </translation>
    </message>
    <message>
        <source>an hour ago</source>
        <translation>час назад</translation>
    </message>
    <message numerus="yes">
        <source>%n hours ago</source>
        <translation>
            <numerusform>%n час назад</numerusform>
            <numerusform>%n часа назад</numerusform>
            <numerusform>%n часов назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n день назад</numerusform>
            <numerusform>%n дня назад</numerusform>
            <numerusform>%n дней назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weeks ago</source>
        <translation>
            <numerusform>%n неделю назад</numerusform>
            <numerusform>%n недели назад</numerusform>
            <numerusform>%n недель назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months ago</source>
        <translation>
            <numerusform>%n месяц назад</numerusform>
            <numerusform>%n месяца назад</numerusform>
            <numerusform>%n месяцев назад</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years ago</source>
        <translation>
            <numerusform>%n год назад</numerusform>
            <numerusform>%n года назад</numerusform>
            <numerusform>%n лет назад</numerusform>
        </translation>
    </message>
    <message>
        <source>container %1: its read-write layer</source>
        <translation>контейнер %1: его слой для чтения и записи</translation>
    </message>
    <message>
        <source>What container %1 wrote, deleted or changed: the layer docker run added, not part of the image.</source>
        <translation>Что контейнер %1 записал, удалил или изменил: слой, добавленный docker run, а не часть образа.</translation>
    </message>
</context>
<context>
    <name>strata::HistoryView</name>
    <message>
        <source>Image history</source>
        <translation>История образа</translation>
    </message>
</context>
<context>
    <name>strata::ImageChooser</name>
    <message numerus="yes">
        <source>This archive holds %n images. Choose the one to open:</source>
        <translation>
            <numerusform>В этом архиве %n образ. Выберите, какой открыть:</numerusform>
            <numerusform>В этом архиве %n образа. Выберите, какой открыть:</numerusform>
            <numerusform>В этом архиве %n образов. Выберите, какой открыть:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ImageListModel</name>
    <message>
        <source>An image for another platform of the same reference</source>
        <translation>Образ для другой платформы с той же ссылкой</translation>
    </message>
    <message>
        <source>Repository</source>
        <translation>Репозиторий</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Тег</translation>
    </message>
    <message>
        <source>Image ID</source>
        <translation>ID образа</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Платформа</translation>
    </message>
    <message>
        <source>not in this archive</source>
        <translation>нет в этом архиве</translation>
    </message>
    <message>
        <source>The index names this image, but its manifest and layers are not in the archive</source>
        <translation>Индекс называет этот образ, но его манифеста и слоёв в архиве нет</translation>
    </message>
    <message>
        <source>What docker images shows, the bytes the layers hold: %1
Stored in the archive: %2</source>
        <translation>Что показывает docker images, байты в слоях: %1
Хранится в архиве: %2</translation>
    </message>
    <message>
        <source>The layers are being read; until then, the bytes stored in the archive: %1</source>
        <translation>Слои читаются; до тех пор — байты, хранящиеся в архиве: %1</translation>
    </message>
    <message>
        <source>Attached by the index (statements about the image, not images):</source>
        <translation>Приложено индексом (сведения об образе, а не образы):</translation>
    </message>
    <message>
        <source>SBOM (%1)</source>
        <translation>SBOM (%1)</translation>
    </message>
    <message>
        <source>provenance (%1)</source>
        <translation>происхождение (%1)</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>no predicate type</source>
        <translation>тип утверждения не указан</translation>
    </message>
    <message numerus="yes">
        <source>%1 + %n attestation(s)</source>
        <translation>
            <numerusform>%1 + %n аттестация</numerusform>
            <numerusform>%1 + %n аттестации</numerusform>
            <numerusform>%1 + %n аттестаций</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ImageLoader</name>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Загрузка отменена.</translation>
    </message>
    <message>
        <source>Reading the archive…</source>
        <translation>Чтение архива…</translation>
    </message>
    <message>
        <source>Reading layer %1 of %2</source>
        <translation>Чтение слоя %1 из %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 из %2</translation>
    </message>
    <message>
        <source>It could not be opened.</source>
        <translation>Не удалось открыть.</translation>
    </message>
    <message>
        <source>Reading the container&apos;s changes: %1 of %2 paths</source>
        <translation>Чтение изменений контейнера: %1 из %2 путей</translation>
    </message>
    <message>
        <source>Receiving %1…</source>
        <translation>Получение %1…</translation>
    </message>
    <message>
        <source>Checking the digests of what was received…</source>
        <translation>Проверка дайджестов полученного…</translation>
    </message>
    <message>
        <source>Fetching and reading layer %1 of %2</source>
        <translation>Загрузка и чтение слоя %1 из %2</translation>
    </message>
</context>
<context>
    <name>strata::ImagePage</name>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Dockerfile</source>
        <translation>Dockerfile</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <source>Reading the layers…</source>
        <translation>Чтение слоёв…</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>Загрузка отменена.</translation>
    </message>
    <message>
        <source>The layers could not be read.</source>
        <translation>Не удалось прочитать слои.</translation>
    </message>
    <message>
        <source>layer %1 is missing</source>
        <translation>слой %1 отсутствует</translation>
    </message>
    <message>
        <source>layer %1: %2</source>
        <translation>слой %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) could not be read completely; the rest of the image can be browsed.</source>
        <translation>
            <numerusform>%n слой не удалось прочитать полностью; остальную часть образа можно просматривать.</numerusform>
            <numerusform>%n слоя не удалось прочитать полностью; остальную часть образа можно просматривать.</numerusform>
            <numerusform>%n слоёв не удалось прочитать полностью; остальную часть образа можно просматривать.</numerusform>
        </translation>
    </message>
    <message>
        <source>Digest mismatch: %1</source>
        <translation>Несовпадение дайджеста: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) do not match their digests: the archive was changed or damaged after it was written.</source>
        <translation>
            <numerusform>%n слой не совпадает со своим дайджестом: архив изменён или повреждён после записи.</numerusform>
            <numerusform>%n слоя не совпадают со своими дайджестами: архив изменён или повреждён после записи.</numerusform>
            <numerusform>%n слоёв не совпадают со своими дайджестами: архив изменён или повреждён после записи.</numerusform>
        </translation>
    </message>
    <message>
        <source>Efficiency</source>
        <translation>Эффективность</translation>
    </message>
    <message>
        <source>On Disk</source>
        <translation>На диске</translation>
    </message>
    <message>
        <source>The layers&apos; folders in the engine&apos;s overlay2 store</source>
        <translation>Папки слоёв в хранилище overlay2 движка</translation>
    </message>
    <message>
        <source>The engine&apos;s history (docker history) differs from the image&apos;s config:</source>
        <translation>История движка (docker history) расходится с конфигурацией образа:</translation>
    </message>
    <message>
        <source>Fetched from the registry</source>
        <translation>Загружено из реестра</translation>
    </message>
    <message>
        <source>Fetching the layers from the registry…</source>
        <translation>Загрузка слоёв из реестра…</translation>
    </message>
    <message>
        <source>The layers are still in the registry (%1 to download). Select a layer to fetch it and the layers below it, or fetch them all.</source>
        <translation>Слои ещё в реестре (загрузить нужно %1). Выберите слой, чтобы загрузить его и слои под ним, или загрузите все.</translation>
    </message>
    <message>
        <source>Fetching layers 0–%1 from the registry…</source>
        <translation>Загрузка слоёв 0–%1 из реестра…</translation>
    </message>
    <message>
        <source>Filesystem</source>
        <translation>Файловая система</translation>
    </message>
    <message>
        <source>The merged filesystem as of the selected layer</source>
        <translation>Объединённая файловая система на выбранном слое</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Архив</translation>
    </message>
    <message>
        <source>The image file itself: its members and how they link</source>
        <translation>Сам файл образа: его элементы и связи между ними</translation>
    </message>
    <message>
        <source>Layer Tar</source>
        <translation>Tar слоя</translation>
    </message>
    <message>
        <source>The selected layer&apos;s tar as stored, whiteout files and all</source>
        <translation>Tar выбранного слоя как он хранится, вместе с файлами whiteout</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Контейнеры</translation>
    </message>
    <message>
        <source>The containers of this image: each one&apos;s read-write layer on top of the same read-only layers</source>
        <translation>Контейнеры этого образа: слой для чтения и записи каждого поверх одних и тех же слоёв только для чтения</translation>
    </message>
    <message>
        <source>overlay2</source>
        <translation>overlay2</translation>
    </message>
    <message>
        <source>How the engine mounts this image for a container, and what writing and deleting a file does there</source>
        <translation>Как движок монтирует этот образ для контейнера и что там делают запись и удаление файла</translation>
    </message>
    <message>
        <source>Packages</source>
        <translation>Пакеты</translation>
    </message>
    <message>
        <source>What each layer installed, removed and upgraded, and everything installed as of the selected layer</source>
        <translation>Что каждый слой установил, удалил и обновил, и всё установленное на выбранном слое</translation>
    </message>
</context>
<context>
    <name>strata::ImageTab</name>
    <message>
        <source>Opening %1…</source>
        <translation>Открытие %1…</translation>
    </message>
    <message>
        <source>Try Again</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>%1 could not be opened.</source>
        <translation>Не удалось открыть %1.</translation>
    </message>
    <message>
        <source>Loading %1 was cancelled.</source>
        <translation>Загрузка %1 отменена.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Загрузить заново</translation>
    </message>
    <message>
        <source>Opening was cancelled.</source>
        <translation>Открытие отменено.</translation>
    </message>
    <message>
        <source>%1 (%2) is named by the archive&apos;s index, but its manifest and layers are not in the archive.</source>
        <translation>%1 (%2) назван в индексе архива, но его манифеста и слоёв в архиве нет.</translation>
    </message>
    <message>
        <source>Container %1 was removed at %2: what is shown is what it held before.</source>
        <translation>Контейнер %1 удалён в %2: показано то, что в нём было до этого.</translation>
    </message>
    <message>
        <source>Container %1 stopped at %2; its read-write layer stays until it is removed.</source>
        <translation>Контейнер %1 остановлен в %2; его слой для чтения и записи сохраняется, пока контейнер не удалён.</translation>
    </message>
    <message>
        <source>Container %1 may have written since it was read (%2 at %3).</source>
        <translation>Контейнер %1 мог что-то записать после чтения (%2 в %3).</translation>
    </message>
    <message>
        <source>The engine&apos;s image %1 changed at %2 (%3); what is shown was saved before.</source>
        <translation>Образ %1 в движке изменился в %2 (%3); показано то, что было сохранено раньше.</translation>
    </message>
    <message>
        <source>Read Again</source>
        <translation>Прочитать снова</translation>
    </message>
    <message>
        <source>The layers stay in the registry until they are needed (%1 still to download): selecting a layer fetches it and the layers below it.</source>
        <translation>Слои остаются в реестре, пока не понадобятся (осталось загрузить %1): выбор слоя загружает его и слои под ним.</translation>
    </message>
    <message>
        <source>Fetch All Layers</source>
        <translation>Загрузить все слои</translation>
    </message>
    <message>
        <source>Log In…</source>
        <translation>Войти…</translation>
    </message>
</context>
<context>
    <name>strata::LargestChangesModel</name>
    <message>
        <source>Directory, all below</source>
        <translation>Каталог, всё внутри</translation>
    </message>
    <message>
        <source>Bytes added (+) or removed (−): a file&apos;s own, a directory&apos;s with everything below it. Sorted by size, growth and shrink alike.</source>
        <translation>Добавлено (+) или удалено (−) байтов: у файла — его собственные, у каталога — вместе со всем содержимым. Сортировка по величине, рост и уменьшение наравне.</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>Путь</translation>
    </message>
</context>
<context>
    <name>strata::LayerDetailsView</name>
    <message>
        <source>Copy JSON</source>
        <translation>Копировать JSON</translation>
    </message>
    <message>
        <source>diff_id:</source>
        <translation>diff_id:</translation>
    </message>
    <message>
        <source>Blob digest:</source>
        <translation>Дайджест блоба:</translation>
    </message>
    <message>
        <source>Chain ID:</source>
        <translation>Chain ID:</translation>
    </message>
    <message>
        <source>Media type:</source>
        <translation>Тип данных:</translation>
    </message>
    <message>
        <source>Compression:</source>
        <translation>Сжатие:</translation>
    </message>
    <message>
        <source>Blob size:</source>
        <translation>Размер блоба:</translation>
    </message>
    <message>
        <source>Tar size:</source>
        <translation>Размер tar:</translation>
    </message>
    <message>
        <source>Content size:</source>
        <translation>Размер содержимого:</translation>
    </message>
    <message>
        <source>Files:</source>
        <translation>Файлы:</translation>
    </message>
    <message>
        <source>Tar entries:</source>
        <translation>Записей в tar:</translation>
    </message>
    <message>
        <source>Stored as:</source>
        <translation>Хранится как:</translation>
    </message>
    <message>
        <source>Legacy layer id:</source>
        <translation>Устаревший id слоя:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Проблема:</translation>
    </message>
    <message>
        <source>Manifest</source>
        <translation>Манифест</translation>
    </message>
    <message>
        <source>Config</source>
        <translation>Конфигурация</translation>
    </message>
    <message>
        <source>Layer json</source>
        <translation>json слоя</translation>
    </message>
    <message>
        <source>The per-layer json file of the legacy docker save format</source>
        <translation>Файл json каждого слоя в устаревшем формате docker save</translation>
    </message>
    <message>
        <source>Copy the JSON shown to the clipboard</source>
        <translation>Скопировать показанный JSON в буфер обмена</translation>
    </message>
    <message>
        <source>not known yet</source>
        <translation>пока неизвестно</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1 (%2 байт)</translation>
    </message>
    <message>
        <source>No layer</source>
        <translation>Нет слоя</translation>
    </message>
    <message>
        <source>No layer selected</source>
        <translation>Слой не выбран</translation>
    </message>
    <message>
        <source>Layer %1 of %2</source>
        <translation>Слой %1 из %2</translation>
    </message>
    <message>
        <source>(none declared: docker save layer)</source>
        <translation>(не указан: слой docker save)</translation>
    </message>
    <message>
        <source>Container ID:</source>
        <translation>ID контейнера:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <source>Written:</source>
        <translation>Записано:</translation>
    </message>
    <message>
        <source>Virtual size:</source>
        <translation>Виртуальный размер:</translation>
    </message>
    <message>
        <source>Layer %1 of %2: container %3&apos;s read-write layer</source>
        <translation>Слой %1 из %2: слой для чтения и записи контейнера %3</translation>
    </message>
    <message>
        <source>%1, as the engine measures it (docker ps -s)</source>
        <translation>%1, как измеряет движок (docker ps -s)</translation>
    </message>
    <message>
        <source>none (plain tar)</source>
        <translation>нет (обычный tar)</translation>
    </message>
</context>
<context>
    <name>strata::LayerStackScene</name>
    <message>
        <source>this image</source>
        <translation>этот образ</translation>
    </message>
    <message>
        <source>base image</source>
        <translation>базовый образ</translation>
    </message>
    <message>
        <source>(the history does not say which step made it)</source>
        <translation>(история не сообщает, какой шаг его создал)</translation>
    </message>
    <message>
        <source>container layer (read-write), added by docker run</source>
        <translation>слой контейнера (чтение и запись), добавляется docker run</translation>
    </message>
    <message>
        <source>base image ends here</source>
        <translation>здесь заканчивается базовый образ</translation>
    </message>
    <message>
        <source>(no command recorded)</source>
        <translation>(команда не записана)</translation>
    </message>
    <message>
        <source>layer %1 · %2</source>
        <translation>слой %1 · %2</translation>
    </message>
    <message>
        <source>damaged · layer %1 · %2</source>
        <translation>повреждён · слой %1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>container %1 (%2): %n path(s) changed</source>
        <translation>
            <numerusform>контейнер %1 (%2): изменён %n путь</numerusform>
            <numerusform>контейнер %1 (%2): изменено %n пути</numerusform>
            <numerusform>контейнер %1 (%2): изменено %n путей</numerusform>
        </translation>
    </message>
    <message>
        <source>container %1 (%2)</source>
        <translation>контейнер %1 (%2)</translation>
    </message>
    <message>
        <source>layer %1 · read-write</source>
        <translation>слой %1 · чтение и запись</translation>
    </message>
    <message>
        <source>Block heights on a logarithmic scale: not proportional to the sizes</source>
        <translation>Высота блоков в логарифмическом масштабе: не пропорциональна размерам</translation>
    </message>
    <message>
        <source>base image %1 ends here</source>
        <translation>здесь кончается базовый образ %1</translation>
    </message>
</context>
<context>
    <name>strata::LayerStackView</name>
    <message>
        <source>Layer stack</source>
        <translation>Стопка слоёв</translation>
    </message>
    <message>
        <source>Layers of %1</source>
        <translation>Слои %1</translation>
    </message>
    <message>
        <source>The layer stack of a container image, drawn by Strata</source>
        <translation>Стопка слоёв образа контейнера, нарисованная Strata</translation>
    </message>
    <message>
        <source>&lt;b&gt;Base image&lt;/b&gt;&lt;br&gt;The layers and steps below probably come from the image named in &lt;code&gt;FROM&lt;/code&gt;. A history does not record FROM, so this is a guess: the step below is a CMD or ENTRYPOINT (how base images end) followed by a step made much later, or the builder that wrote the history changes here.</source>
        <translation>&lt;b&gt;Базовый образ&lt;/b&gt;&lt;br&gt;Слои и шаги ниже, вероятно, взяты из образа, указанного в &lt;code&gt;FROM&lt;/code&gt;. История не записывает FROM, поэтому это догадка: шаг ниже — CMD или ENTRYPOINT (так заканчиваются базовые образы), за которым следует шаг, сделанный намного позже, или здесь меняется сборщик, записавший историю.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Layer %1&lt;/b&gt; of %2</source>
        <translation>&lt;b&gt;Слой %1&lt;/b&gt; из %2</translation>
    </message>
    <message>
        <source>from the base image</source>
        <translation>из базового образа</translation>
    </message>
    <message>
        <source>this image&apos;s own</source>
        <translation>собственный слой этого образа</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Размер: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Stored in the archive: %1</source>
        <translation>Хранится в архиве: %1</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>Файлов: %1</translation>
    </message>
    <message>
        <source>diff_id: %1</source>
        <translation>diff_id: %1</translation>
    </message>
    <message>
        <source>%1: %2%</source>
        <translation>%1: %2%</translation>
    </message>
    <message>
        <source>Damaged: %1</source>
        <translation>Повреждён: %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step %1&lt;/b&gt; (no layer)</source>
        <translation>&lt;b&gt;Шаг %1&lt;/b&gt; (без слоя)</translation>
    </message>
    <message>
        <source>Created: %1</source>
        <translation>Создан: %1</translation>
    </message>
    <message>
        <source>Comment: %1</source>
        <translation>Комментарий: %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;This step changed no files, so it made no layer: it only set metadata in the image&apos;s configuration.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Этот шаг не изменил ни одного файла, поэтому не создал слоя: он лишь задал метаданные в конфигурации образа.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Container %1: its read-write layer&lt;/b&gt;</source>
        <translation>&lt;b&gt;Контейнер %1: его слой для чтения и записи&lt;/b&gt;</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>Состояние: %1</translation>
    </message>
    <message>
        <source>Written: %1, as the engine measures it (&lt;code&gt;docker ps -s&lt;/code&gt;)</source>
        <translation>Записано: %1, как измеряет движок (&lt;code&gt;docker ps -s&lt;/code&gt;)</translation>
    </message>
    <message>
        <source>With the image&apos;s layers: %1 (virtual size)</source>
        <translation>Вместе со слоями образа: %1 (виртуальный размер)</translation>
    </message>
    <message>
        <source>Files written: %1</source>
        <translation>Записано файлов: %1</translation>
    </message>
    <message>
        <source>&lt;i&gt;The layers below are the image&apos;s, read-only and shared with every container of it. What the container creates, changes or deletes lands here (a changed file is copied up whole); the tree shows it as this layer&apos;s changes.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Слои ниже принадлежат образу: они только для чтения и общие для всех его контейнеров. Всё, что контейнер создаёт, изменяет или удаляет, попадает сюда (изменённый файл копируется наверх целиком); дерево показывает это как изменения этого слоя.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>A read-only layer: every container of this image shares it and none changes it.</source>
        <translation>Слой только для чтения: все контейнеры этого образа используют его совместно, и ни один его не меняет.</translation>
    </message>
    <message>
        <source>Not to scale: drawn taller than its size, so that it can be read.</source>
        <translation>Не в масштабе: нарисован выше, чем по размеру, чтобы его можно было прочитать.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Container layer (read-write)&lt;/b&gt;&lt;br&gt;This layer is not in the image. When you start a container (&lt;code&gt;docker run&lt;/code&gt;), it gets a thin writable layer on top of these read-only layers: files the container creates, changes or deletes live there, copied up from below on first write. The image&apos;s layers never change, which is why many containers can share them. The writable layer is lost when the container is removed, unless it is saved with &lt;code&gt;docker commit&lt;/code&gt;.&lt;br&gt;Click it to see the containers of this image.</source>
        <translation>&lt;b&gt;Слой контейнера (чтение и запись)&lt;/b&gt;&lt;br&gt;Этого слоя нет в образе. Когда вы запускаете контейнер (&lt;code&gt;docker run&lt;/code&gt;), он получает тонкий записываемый слой поверх этих слоёв, доступных только для чтения: в нём живут файлы, которые контейнер создаёт, изменяет или удаляет, — при первой записи они копируются туда снизу. Слои образа никогда не меняются, поэтому их могут совместно использовать многие контейнеры. Записываемый слой теряется при удалении контейнера, если не сохранить его командой &lt;code&gt;docker commit&lt;/code&gt;.&lt;br&gt;Щёлкните его, чтобы увидеть контейнеры этого образа.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Base image %1&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Базовый образ %1&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>Digest: %1&lt;br&gt;</source>
        <translation>Дайджест: %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>The image&apos;s manifest names it (org.opencontainers.image.base.name). The layers and steps below are that image&apos;s: this image was built on them.</source>
        <translation>Его называет манифест образа (org.opencontainers.image.base.name). Слои и шаги ниже принадлежат тому образу: этот образ собран поверх них.</translation>
    </message>
    <message>
        <source>The builder (buildah, podman build) recorded &lt;code&gt;FROM %1&lt;/code&gt; on the first step of this image&apos;s own build: the layers and steps below are the base&apos;s.</source>
        <translation>Сборщик (buildah, podman build) записал &lt;code&gt;FROM %1&lt;/code&gt; в первом шаге собственной сборки этого образа: слои и шаги ниже принадлежат базовому образу.</translation>
    </message>
</context>
<context>
    <name>strata::LayerTarPane</name>
    <message>
        <source>Whiteouts only</source>
        <translation>Только whiteout</translation>
    </message>
    <message>
        <source>A layer cannot remove a file from the read-only layers below it, so its tar says so with an empty file: .wh.NAME deletes NAME, and .wh..wh..opq in a folder hides everything the layers below have there. The names come from AUFS, the union filesystem Docker used first. overlay2 writes the same deletion on disk as a character device 0/0 named NAME, and an opaque folder as the folder&apos;s trusted.overlay.opaque=y attribute.</source>
        <translation>Слой не может убрать файл из нижних слоёв, доступных только для чтения, поэтому его tar говорит об этом пустым файлом: .wh.NAME удаляет NAME, а .wh..wh..opq в папке скрывает всё, что в ней есть у нижних слоёв. Эти имена пришли из AUFS — объединённой файловой системы, с которой начинал Docker. overlay2 записывает то же удаление на диске как символьное устройство 0/0 с именем NAME, а непрозрачную папку — как её атрибут trusted.overlay.opaque=y.</translation>
    </message>
    <message>
        <source>Show only the entries that delete or hide</source>
        <translation>Показать только записи, которые удаляют или скрывают</translation>
    </message>
    <message>
        <source>Select a layer to see its tar.</source>
        <translation>Выберите слой, чтобы увидеть его tar.</translation>
    </message>
    <message>
        <source>Reading layer %1&apos;s tar…</source>
        <translation>Чтение tar слоя %1…</translation>
    </message>
    <message numerus="yes">
        <source>Layer %1&apos;s tar as stored: %Ln entries</source>
        <translation>
            <numerusform>Tar слоя %1 как он хранится: %Ln запись</numerusform>
            <numerusform>Tar слоя %1 как он хранится: %Ln записи</numerusform>
            <numerusform>Tar слоя %1 как он хранится: %Ln записей</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %Ln of them whiteouts</source>
        <translation>
            <numerusform>, из них whiteout: %Ln</numerusform>
            <numerusform>, из них whiteout: %Ln</numerusform>
            <numerusform>, из них whiteout: %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>(the first %1 listed)</source>
        <translation>(показаны первые %1)</translation>
    </message>
</context>
<context>
    <name>strata::Lesson</name>
    <message>
        <source>An image is layers</source>
        <translation>Образ — это слои</translation>
    </message>
    <message>
        <source>Layers are read-only</source>
        <translation>Слои только для чтения</translation>
    </message>
    <message>
        <source>The container&apos;s layer</source>
        <translation>Слой контейнера</translation>
    </message>
    <message>
        <source>docker images</source>
        <translation>docker images</translation>
    </message>
    <message>
        <source>docker save and tar</source>
        <translation>docker save и tar</translation>
    </message>
    <message>
        <source>The manifest</source>
        <translation>Манифест</translation>
    </message>
    <message>
        <source>A layer&apos;s json, VERSION, layer.tar</source>
        <translation>json, VERSION и layer.tar слоя</translation>
    </message>
    <message>
        <source>A layer&apos;s files</source>
        <translation>Файлы слоя</translation>
    </message>
    <message>
        <source>docker history</source>
        <translation>docker history</translation>
    </message>
    <message>
        <source>Shared layers save disk</source>
        <translation>Общие слои экономят диск</translation>
    </message>
    <message>
        <source>overlay2: lower, upper, merged</source>
        <translation>overlay2: lower, upper, merged</translation>
    </message>
    <message>
        <source>Whiteouts</source>
        <translation>Whiteout</translation>
    </message>
    <message>
        <source>Sizes before and after</source>
        <translation>Размеры до и после</translation>
    </message>
    <message>
        <source>Reading the image…</source>
        <translation>Чтение образа…</translation>
    </message>
    <message>
        <source>An image is a stack of layers, the oldest at the bottom. Each block is one layer: the files one build step added, changed or deleted. The heights are to scale: a bigger block is a bigger layer.</source>
        <translation>Образ — это стопка слоёв, самый старый внизу. Каждый блок — один слой: файлы, которые один шаг сборки добавил, изменил или удалил. Высоты в масштабе: чем больше блок, тем больше слой.</translation>
    </message>
    <message>
        <source>A layer never changes once it is built: it is read-only. Its name, the diff_id, is the SHA-256 of its content, so any number of images and containers can use the same layer at the same time.</source>
        <translation>Собранный слой больше никогда не меняется: он только для чтения. Его имя, diff_id, — это SHA-256 его содержимого, поэтому один и тот же слой могут одновременно использовать сколько угодно образов и контейнеров.</translation>
    </message>
    <message>
        <source>docker run adds one thin layer on top, the dashed block: the container&apos;s read-write layer. Whatever the container writes goes there; the image&apos;s layers below stay as they are.</source>
        <translation>docker run добавляет сверху один тонкий слой — пунктирный блок: слой контейнера для чтения и записи. Всё, что пишет контейнер, попадает туда; слои образа под ним остаются как есть.</translation>
    </message>
    <message>
        <source>docker images shows the image&apos;s SIZE: all its layers together, here %1 in %2 layers. Layers shared with other images are stored only once, so the sizes of several images do not simply add up.</source>
        <translation>docker images показывает SIZE образа: все его слои вместе, здесь %1 в %2 слоях. Слои, общие с другими образами, хранятся один раз, поэтому размеры нескольких образов нельзя просто сложить.</translation>
    </message>
    <message>
        <source>docker save writes an image into one tar file; this image comes from an engine or a registry, so there is no archive to open. Open a saved .tar to see this step.</source>
        <translation>docker save записывает образ в один tar-файл; этот образ взят из движка или реестра, поэтому открывать нечего. Откройте сохранённый .tar, чтобы увидеть этот шаг.</translation>
    </message>
    <message>
        <source>docker save nginx &gt; nginx.tar writes the image into one tar file. tar tvf nginx.tar lists what is inside: these files, in the order they are stored.</source>
        <translation>docker save nginx &gt; nginx.tar записывает образ в один tar-файл. tar tvf nginx.tar показывает, что внутри: вот эти файлы, в том порядке, в каком они лежат.</translation>
    </message>
    <message>
        <source>manifest.json is the table of contents: for each image its tags, its config file and its layers, bottom first. Everything else is found from here.</source>
        <translation>manifest.json — это оглавление: для каждого образа его теги, файл конфигурации и слои, снизу вверх. Всё остальное находится отсюда.</translation>
    </message>
    <message>
        <source>In docker save&apos;s classic format every layer has its own folder: json (the layer&apos;s metadata), VERSION (the format, 1.0) and layer.tar (the layer&apos;s files). Newer formats keep the same tar as a blob named by its SHA-256.</source>
        <translation>В классическом формате docker save у каждого слоя своя папка: json (метаданные слоя), VERSION (версия формата, 1.0) и layer.tar (файлы слоя). Новые форматы хранят тот же tar как blob, названный по его SHA-256.</translation>
    </message>
    <message>
        <source>Open one layer and you see only its own files: what this one build step changed, nothing from the layers below.</source>
        <translation>Откройте один слой, и вы увидите только его собственные файлы: то, что изменил этот шаг сборки, и ничего из нижних слоёв.</translation>
    </message>
    <message>
        <source>docker history lists the steps that built the image, newest first; the stack above reads from the bottom up. Steps such as ENV or CMD only change the settings: they make no layer and show 0 B.</source>
        <translation>docker history перечисляет шаги, которыми собран образ, новые сверху; стопка выше читается снизу вверх. Шаги вроде ENV или CMD меняют только настройки: они не создают слой и показывают 0 Б.</translation>
    </message>
    <message>
        <source>Images built on the same base share its layers, and the engine keeps each layer once however many images use it. Here three images share their bottom layers: the saving is the sum of what is not stored twice.</source>
        <translation>Образы, собранные на одной основе, делят её слои, и движок хранит каждый слой один раз, сколько бы образов его ни использовали. Здесь у трёх образов общие нижние слои: экономия — это всё, что не хранится дважды.</translation>
    </message>
    <message>
        <source>A running container sees one folder, merged. overlay2 makes it from the image&apos;s layers as read-only lowerdirs and the container&apos;s own, empty upperdir on top; overlayfs needs a workdir beside it.</source>
        <translation>Запущенный контейнер видит одну папку, merged. overlay2 собирает её из слоёв образа — это lowerdir только для чтения — и собственной пустой upperdir контейнера сверху; рядом overlayfs нужна workdir.</translation>
    </message>
    <message>
        <source>A later layer cannot change a lower one, so a deletion is stored as a whiteout: an empty file .wh.NAME that hides NAME, and .wh..wh..opq that hides a whole folder. On disk overlay2 writes a 0/0 device instead.</source>
        <translation>Верхний слой не может изменить нижний, поэтому удаление хранится как whiteout: пустой файл .wh.NAME скрывает NAME, а .wh..wh..opq скрывает целую папку. На диске overlay2 вместо этого пишет устройство 0/0.</translation>
    </message>
    <message>
        <source>Change a single byte of /%1 in a container and overlay2 first copies the whole file up into the container&apos;s layer: docker ps -s now says SIZE %2 (virtual %3). The image&apos;s %4 stay on disk once, however many containers run it.</source>
        <translation>Измените в контейнере всего один байт /%1 — и overlay2 сначала скопирует весь файл наверх, в слой контейнера: теперь docker ps -s показывает SIZE %2 (virtual %3). %4 образа лежат на диске один раз, сколько бы контейнеров его ни запускали.</translation>
    </message>
</context>
<context>
    <name>strata::LessonPanel</name>
    <message>
        <source>Previous</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Дальше</translation>
    </message>
    <message>
        <source>End Lesson</source>
        <translation>Закончить урок</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Page Up</source>
        <translation>Page Up</translation>
    </message>
    <message>
        <source>Page Down</source>
        <translation>Page Down</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Шаг %1 из %2: %3</translation>
    </message>
</context>
<context>
    <name>strata::LoadProgressBar</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>strata::MainWindow</name>
    <message>
        <source>Zoom: %1%</source>
        <translation>Масштаб: %1%</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open an image archive (docker save, podman save, OCI archive)</source>
        <translation>Открыть архив образа (docker save, podman save, архив OCI)</translation>
    </message>
    <message>
        <source>Open &amp;Directory…</source>
        <translation>Открыть &amp;каталог…</translation>
    </message>
    <message>
        <source>Open an OCI image layout or an unpacked docker save directory</source>
        <translation>Открыть каталог образа OCI или распакованный docker save</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Недавние файлы</translation>
    </message>
    <message>
        <source>Open the D&amp;emo Image</source>
        <translation>Открыть &amp;демонстрационный образ</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>&amp;Язык системы</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About Strata</source>
        <translation>&amp;О программе Strata</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>The new language will be used the next time Strata starts.</source>
        <translation>Новый язык будет использоваться при следующем запуске Strata.</translation>
    </message>
    <message>
        <source>About Strata</source>
        <translation>О программе Strata</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Strata %1&lt;/h3&gt;&lt;p&gt;See what container images are made of: their layers as a stack, the Dockerfile history beside each layer, and the merged filesystem at any layer.&lt;/p&gt;&lt;p&gt;Strata reads archives written by &lt;tt&gt;docker save&lt;/tt&gt;, &lt;tt&gt;podman save&lt;/tt&gt;, &lt;tt&gt;skopeo&lt;/tt&gt; and OCI image layouts, without Docker and without unpacking them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Strata %1&lt;/h3&gt;&lt;p&gt;Посмотрите, из чего состоят образы контейнеров: их слои в виде стопки, история Dockerfile рядом с каждым слоем и объединённая файловая система на любом слое.&lt;/p&gt;&lt;p&gt;Strata читает архивы, записанные &lt;tt&gt;docker save&lt;/tt&gt;, &lt;tt&gt;podman save&lt;/tt&gt;, &lt;tt&gt;skopeo&lt;/tt&gt;, и каталоги образов OCI — без Docker и без распаковки.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Image Archive</source>
        <translation>Открыть архив образа</translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst *.tar.bz2 *.oci);;All files (*)</source>
        <translation>Архивы образов (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst *.tar.bz2 *.oci);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Open Image Directory</source>
        <translation>Открыть каталог образа</translation>
    </message>
    <message>
        <source>&amp;Filter Files</source>
        <translation>&amp;Фильтр файлов</translation>
    </message>
    <message>
        <source>Demo Image</source>
        <translation>Демонстрационный образ</translation>
    </message>
    <message>
        <source>The demo image could not be written to the cache folder.</source>
        <translation>Не удалось записать демонстрационный образ в папку кэша.</translation>
    </message>
    <message>
        <source>&amp;Export Layer Stack…</source>
        <translation>&amp;Экспорт стопки слоёв…</translation>
    </message>
    <message>
        <source>Export Layer Stack</source>
        <translation>Экспорт стопки слоёв</translation>
    </message>
    <message>
        <source>SVG image (*.svg);;PNG image (*.png)</source>
        <translation>Изображение SVG (*.svg);;Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>Не удалось записать %1.</translation>
    </message>
    <message>
        <source>Save the layer diagram as an image for slides (SVG or PNG)</source>
        <translation>Сохранить схему слоёв как изображение для слайдов (SVG или PNG)</translation>
    </message>
    <message>
        <source>Zoom Layer Stack In</source>
        <translation>Увеличить стопку слоёв</translation>
    </message>
    <message>
        <source>Zoom Layer Stack Out</source>
        <translation>Уменьшить стопку слоёв</translation>
    </message>
    <message>
        <source>Fit Layer Stack</source>
        <translation>Вписать стопку слоёв</translation>
    </message>
    <message>
        <source>Co&amp;mpare With…</source>
        <translation>&amp;Сравнить с…</translation>
    </message>
    <message>
        <source>Compare With</source>
        <translation>Сравнить с</translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;All files (*)</source>
        <translation>Архивы образов (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Compare the current image with another: layers, files, history and config</source>
        <translation>Сравнить текущий образ с другим: слои, файлы, история и конфигурация</translation>
    </message>
    <message>
        <source>Another archive…</source>
        <translation>Другой архив…</translation>
    </message>
    <message>
        <source>Compare %1 with:</source>
        <translation>Сравнить %1 с:</translation>
    </message>
    <message>
        <source>Open the Re&amp;use Demo</source>
        <translation>Открыть демо &amp;общих слоёв</translation>
    </message>
    <message>
        <source>Three small images that share layers, in the Layer Reuse window</source>
        <translation>Три небольших образа с общими слоями в окне «Общие слои»</translation>
    </message>
    <message>
        <source>Layer &amp;Reuse…</source>
        <translation>Общие &amp;слои…</translation>
    </message>
    <message>
        <source>Show which layers the open images share, and what containers add</source>
        <translation>Показать, какие слои общие у открытых образов и что добавляют контейнеры</translation>
    </message>
    <message>
        <source>Reuse Demo</source>
        <translation>Демо общих слоёв</translation>
    </message>
    <message>
        <source>The demo archive could not be written to the cache folder.</source>
        <translation>Не удалось записать демо-архив в папку кэша.</translation>
    </message>
    <message>
        <source>Open from &amp;Engine…</source>
        <translation>Открыть из &amp;движка…</translation>
    </message>
    <message>
        <source>The images and containers of the running Docker or Podman engine</source>
        <translation>Образы и контейнеры работающего движка Docker или Podman</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>Open from Re&amp;gistry…</source>
        <translation>Открыть из ре&amp;естра…</translation>
    </message>
    <message>
        <source>An image in a registry: its stack and history at once, each layer fetched when it is needed</source>
        <translation>Образ в реестре: стек слоёв и история сразу, каждый слой загружается, когда он нужен</translation>
    </message>
    <message>
        <source>&amp;Logarithmic Block Heights</source>
        <translation>&amp;Логарифмическая высота блоков</translation>
    </message>
    <message>
        <source>Block heights grow with the logarithm of the layers&apos; sizes, so that tiny and huge layers show together; a note above the stack says so. Off: heights are proportional to the sizes.</source>
        <translation>Высота блоков растёт как логарифм размера слоя, чтобы крошечные и огромные слои были видны вместе; надпись над стопкой говорит об этом. Если выключено, высота пропорциональна размеру.</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>Урок</translation>
    </message>
    <message>
        <source>&amp;Lesson: What Is an Image</source>
        <translation>&amp;Урок: что такое образ</translation>
    </message>
    <message>
        <source>The classroom lesson, step by step on the current image</source>
        <translation>Урок для класса, шаг за шагом на текущем образе</translation>
    </message>
    <message>
        <source>%1 points wide (%2 pixels in a PNG)</source>
        <translation>шириной %1 пунктов (%2 пикселей в PNG)</translation>
    </message>
    <message>
        <source>Width of the picture:</source>
        <translation>Ширина картинки:</translation>
    </message>
    <message>
        <source>Export &amp;Filesystem as Tar…</source>
        <translation>Экспорт &amp;файловой системы в tar…</translation>
    </message>
    <message>
        <source>Write the merged filesystem as of the selected layer as a tar, like crane export</source>
        <translation>Записать объединённую файловую систему на выбранном слое в tar, как crane export</translation>
    </message>
    <message>
        <source>%1, layer %2</source>
        <translation>%1, слой %2</translation>
    </message>
</context>
<context>
    <name>strata::MessageBar</name>
    <message>
        <source>Close this message</source>
        <translation>Закрыть это сообщение</translation>
    </message>
</context>
<context>
    <name>strata::OverlayDiagram</name>
    <message>
        <source>workdir</source>
        <translation>workdir</translation>
    </message>
    <message>
        <source>upper wins</source>
        <translation>верхний главнее</translation>
    </message>
    <message>
        <source>lower shows through</source>
        <translation>нижний виден насквозь</translation>
    </message>
    <message>
        <source>merged/</source>
        <translation>merged/</translation>
    </message>
    <message>
        <source>what the container sees</source>
        <translation>что видит контейнер</translation>
    </message>
    <message>
        <source>upperdir over the lowerdirs: one filesystem</source>
        <translation>upperdir поверх lowerdir: одна файловая система</translation>
    </message>
    <message>
        <source>copied up, %1</source>
        <translation>скопирован наверх, %1</translation>
    </message>
    <message>
        <source>created, %1</source>
        <translation>создан, %1</translation>
    </message>
    <message>
        <source>folder</source>
        <translation>папка</translation>
    </message>
    <message>
        <source>whiteout: char device 0/0</source>
        <translation>whiteout: символьное устройство 0/0</translation>
    </message>
    <message numerus="yes">
        <source>… %n more</source>
        <translation>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
            <numerusform>… и ещё %n</numerusform>
        </translation>
    </message>
    <message>
        <source>(empty: nothing written yet)</source>
        <translation>(пусто: ничего ещё не записано)</translation>
    </message>
    <message>
        <source>upperdir/</source>
        <translation>upperdir/</translation>
    </message>
    <message>
        <source>read-write · %1</source>
        <translation>чтение и запись · %1</translation>
    </message>
    <message>
        <source>overlayfs&apos;s</source>
        <translation>рабочая папка</translation>
    </message>
    <message>
        <source>scratch space</source>
        <translation>overlayfs</translation>
    </message>
    <message>
        <source>lowerdir</source>
        <translation>lowerdir</translation>
    </message>
    <message>
        <source>read-only · the image&apos;s layers</source>
        <translation>только чтение · слои образа</translation>
    </message>
</context>
<context>
    <name>strata::OverlayModel</name>
    <message>
        <source>whiteout</source>
        <translation>whiteout</translation>
    </message>
    <message>
        <source>(implied by its contents)</source>
        <translation>(существует благодаря своему содержимому)</translation>
    </message>
    <message>
        <source>(opaque)</source>
        <translation>(непрозрачный)</translation>
    </message>
    <message>
        <source>Visible: this copy wins</source>
        <translation>Видна: побеждает эта копия</translation>
    </message>
    <message>
        <source>Deletes the path from the layers below</source>
        <translation>Удаляет путь из нижних слоёв</translation>
    </message>
    <message>
        <source>Deleted by the whiteout in layer %1</source>
        <translation>Удалён whiteout в слое %1</translation>
    </message>
    <message>
        <source>Hidden by an opaque directory in layer %1</source>
        <translation>Скрыт непрозрачным каталогом в слое %1</translation>
    </message>
    <message>
        <source>Shadowed by the copy in layer %1</source>
        <translation>Перекрыт копией в слое %1</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>merged</translation>
    </message>
    <message>
        <source>Shows the copy of layer %1</source>
        <translation>Показывает копию из слоя %1</translation>
    </message>
    <message>
        <source>Absent at layer %1</source>
        <translation>Отсутствует на слое %1</translation>
    </message>
    <message>
        <source>upperdir</source>
        <translation>upperdir</translation>
    </message>
    <message>
        <source>lowerdir</source>
        <translation>lowerdir</translation>
    </message>
    <message>
        <source>The selected layer: overlayfs&apos; upper directory</source>
        <translation>Выбранный слой: верхний каталог overlayfs</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Наложение</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Элемент</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Deleted with its parent directory by the whiteout in layer %1</source>
        <translation>Удалён вместе с родительским каталогом whiteout-файлом в слое %1</translation>
    </message>
    <message>
        <source>Gone: layer %1 replaces a parent directory with a file</source>
        <translation>Исчез: слой %1 заменяет родительский каталог файлом</translation>
    </message>
    <message>
        <source>Hidden by a layer above</source>
        <translation>Скрыт слоем выше</translation>
    </message>
    <message>
        <source>(nothing written)</source>
        <translation>(ничего не записано)</translation>
    </message>
    <message>
        <source>The container&apos;s read-write layer: a write here would win over every layer below</source>
        <translation>Слой контейнера для записи: записанное сюда перекроет все слои ниже</translation>
    </message>
    <message>
        <source>Each container gets its own empty upper directory; the image&apos;s layers below are shared, read-only</source>
        <translation>Каждый контейнер получает свой пустой верхний каталог; слои образа ниже общие и только для чтения</translation>
    </message>
    <message>
        <source>A read-only layer below: a lower directory</source>
        <translation>Слой ниже, только для чтения: нижний каталог</translation>
    </message>
</context>
<context>
    <name>strata::OverlayPane</name>
    <message>
        <source>Write It</source>
        <translation>Записать</translation>
    </message>
    <message>
        <source>Delete It</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Сбросить</translation>
    </message>
    <message>
        <source>A container sees one filesystem, merged/: overlay2 lays its empty read-write folder (upperdir) over the image&apos;s read-only layers (lowerdir), which it never changes.</source>
        <translation>Контейнер видит одну файловую систему, merged/: overlay2 кладёт его пустую папку для чтения и записи (upperdir) поверх слоёв образа только для чтения (lowerdir), которые никогда не меняются.</translation>
    </message>
    <message>
        <source>As if the container ran echo -n x &gt;&gt; FILE: the whole file is copied up first</source>
        <translation>Как если бы контейнер выполнил echo -n x &gt;&gt; FILE: сначала весь файл копируется наверх</translation>
    </message>
    <message>
        <source>As if the container ran rm -r PATH: a whiteout hides it</source>
        <translation>Как если бы контейнер выполнил rm -r PATH: его скрывает whiteout</translation>
    </message>
    <message>
        <source>A new container: its upperdir empty</source>
        <translation>Новый контейнер: его upperdir пуст</translation>
    </message>
    <message>
        <source>The mount the engine makes (folders in /var/lib/docker/overlay2/, named here by what they hold):</source>
        <translation>Монтирование, которое делает движок (папки в /var/lib/docker/overlay2/, здесь названы по содержимому):</translation>
    </message>
    <message>
        <source>The image&apos;s merged filesystem is not read yet.</source>
        <translation>Объединённая файловая система образа ещё не прочитана.</translation>
    </message>
    <message>
        <source>Select a file in the merged tree to try it.</source>
        <translation>Выберите файл в объединённом дереве, чтобы попробовать.</translation>
    </message>
    <message>
        <source>Selected: /%1</source>
        <translation>Выбрано: /%1</translation>
    </message>
    <message>
        <source>Selected: /%1 (deleted in this container)</source>
        <translation>Выбрано: /%1 (удалён в этом контейнере)</translation>
    </message>
    <message>
        <source>docker ps -s: SIZE %1 (virtual %2). On disk (du -sh): the image&apos;s layers %3, once for every container, plus this container&apos;s %1.</source>
        <translation>docker ps -s: SIZE %1 (virtual %2). На диске (du -sh): слои образа %3, один раз для всех контейнеров, плюс %1 этого контейнера.</translation>
    </message>
</context>
<context>
    <name>strata::PackageModel</name>
    <message>
        <source>Found in /%1</source>
        <translation>Найден в /%1</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <source>Upgraded</source>
        <translation>Обновлён</translation>
    </message>
    <message>
        <source>The size the package database declares for the package</source>
        <translation>Размер, который база пакетов указывает для пакета</translation>
    </message>
    <message>
        <source>The bytes of the package&apos;s files in this layer: what installing it added here</source>
        <translation>Байты файлов пакета в этом слое: что сюда добавила его установка</translation>
    </message>
    <message>
        <source>The layer that installed this version</source>
        <translation>Слой, установивший эту версию</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Installed Size</source>
        <translation>Размер установки</translation>
    </message>
    <message>
        <source>In This Layer</source>
        <translation>В этом слое</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
</context>
<context>
    <name>strata::PackagesPane</name>
    <message>
        <source>Export SBOM…</source>
        <translation>Экспорт SBOM…</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Фильтр по имени</translation>
    </message>
    <message>
        <source>Save the packages as of this layer as a CycloneDX SBOM (JSON), each with its package URL and the layer that installed it</source>
        <translation>Сохранить пакеты на этом слое как SBOM CycloneDX (JSON), каждый с его package URL и слоем, который его установил</translation>
    </message>
    <message>
        <source>Reading the package databases of every layer…</source>
        <translation>Чтение баз пакетов всех слоёв…</translation>
    </message>
    <message>
        <source>The packages could not be read: %1</source>
        <translation>Не удалось прочитать пакеты: %1</translation>
    </message>
    <message>
        <source>No package database in the filesystem as of layer %1.</source>
        <translation>В файловой системе на слое %1 нет базы пакетов.</translation>
    </message>
    <message numerus="yes">
        <source>%n package(s) as of layer %1: %2.</source>
        <translation>
            <numerusform>%n пакет на слое %1: %2.</numerusform>
            <numerusform>%n пакета на слое %1: %2.</numerusform>
            <numerusform>%n пакетов на слое %1: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not read: %1</source>
        <translation>Не прочитано: %1</translation>
    </message>
    <message>
        <source>Layer %1 changes no package</source>
        <translation>Слой %1 не меняет пакетов</translation>
    </message>
    <message>
        <source>Layer %1: %2 added, %3 removed, %4 upgraded</source>
        <translation>Слой %1: добавлено %2, удалено %3, обновлено %4</translation>
    </message>
    <message>
        <source>Installed as of layer %1</source>
        <translation>Установлено на слое %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The SBOM of layer %1 was saved to %2 (%n package(s)).</source>
        <translation>
            <numerusform>SBOM слоя %1 сохранён в %2 (%n пакет).</numerusform>
            <numerusform>SBOM слоя %1 сохранён в %2 (%n пакета).</numerusform>
            <numerusform>SBOM слоя %1 сохранён в %2 (%n пакетов).</numerusform>
        </translation>
    </message>
    <message>
        <source>Export SBOM</source>
        <translation>Экспорт SBOM</translation>
    </message>
    <message>
        <source>CycloneDX JSON (*.json)</source>
        <translation>CycloneDX JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>strata::PresentationZoom</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>У&amp;меньшить</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Исходный размер</translation>
    </message>
    <message>
        <source>Presentation zoom: scales the whole window, text and controls</source>
        <translation>Масштаб для показа: увеличивает всё окно, и текст, и элементы управления</translation>
    </message>
</context>
<context>
    <name>strata::RecentFiles</name>
    <message>
        <source>No Recent Files</source>
        <translation>Нет недавних файлов</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>&amp;Очистить меню</translation>
    </message>
</context>
<context>
    <name>strata::RegistryDialog</name>
    <message>
        <source>&amp;List Tags</source>
        <translation>&amp;Список тегов</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Сравнить</translation>
    </message>
    <message>
        <source>Open from Registry</source>
        <translation>Открыть из реестра</translation>
    </message>
    <message>
        <source>registry.example.org/team/app:1.5</source>
        <translation>registry.example.org/team/app:1.5</translation>
    </message>
    <message>
        <source>An image reference (HOST/REPOSITORY:TAG or @DIGEST; &quot;nginx&quot; is docker.io/library/nginx:latest), or a repository to list its tags</source>
        <translation>Ссылка на образ (ХОСТ/РЕПОЗИТОРИЙ:ТЕГ или @ДАЙДЖЕСТ; «nginx» — это docker.io/library/nginx:latest) или репозиторий, чтобы увидеть его теги</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Тег</translation>
    </message>
    <message>
        <source>Platforms</source>
        <translation>Платформы</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Digest</source>
        <translation>Дайджест</translation>
    </message>
    <message>
        <source>The layers as the registry stores them (compressed), of this machine&apos;s platform</source>
        <translation>Слои в том виде, в каком их хранит реестр (сжатые), для платформы этой машины</translation>
    </message>
    <message>
        <source>Compare the two tags selected</source>
        <translation>Сравнить два выбранных тега</translation>
    </message>
    <message>
        <source>&amp;Reference:</source>
        <translation>&amp;Ссылка:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an image reference (repository names are lower case).</source>
        <translation>«%1» — не ссылка на образ (имена репозиториев пишутся строчными буквами).</translation>
    </message>
    <message>
        <source>Asking %1 for its tags…</source>
        <translation>Запрос тегов у %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s) in %1.</source>
        <translation>
            <numerusform>%n тег в %1.</numerusform>
            <numerusform>%n тега в %1.</numerusform>
            <numerusform>%n тегов в %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n could not be read (see its tooltip).</source>
        <translation>
            <numerusform>%n не удалось прочитать (см. подсказку).</numerusform>
            <numerusform>%n не удалось прочитать (см. подсказки).</numerusform>
            <numerusform>%n не удалось прочитать (см. подсказки).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::RegistryLoginBox</name>
    <message>
        <source>The registry asks who you are</source>
        <translation>Реестр спрашивает, кто вы</translation>
    </message>
    <message>
        <source>Log &amp;In</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Имя пользователя:</translation>
    </message>
    <message>
        <source>Password or token:</source>
        <translation>Пароль или токен:</translation>
    </message>
    <message>
        <source>Kept in memory until Strata quits, never written to disk.</source>
        <translation>Хранится в памяти до выхода из Strata и никогда не записывается на диск.</translation>
    </message>
    <message>
        <source>%1 asks who you are</source>
        <translation>%1 спрашивает, кто вы</translation>
    </message>
    <message>
        <source>typed in</source>
        <translation>введены вручную</translation>
    </message>
</context>
<context>
    <name>strata::RegistryLoginDialog</name>
    <message>
        <source>Log In to %1</source>
        <translation>Вход в %1</translation>
    </message>
</context>
<context>
    <name>strata::ReuseDiagram</name>
    <message>
        <source>Layer reuse diagram</source>
        <translation>Диаграмма общих слоёв</translation>
    </message>
    <message>
        <source>Add Container on %1</source>
        <translation>Добавить контейнер из %1</translation>
    </message>
    <message>
        <source>Layer reuse</source>
        <translation>Общие слои</translation>
    </message>
    <message>
        <source>Container image layers shared between images, drawn by Strata</source>
        <translation>Слои образов контейнеров, общие для нескольких образов; нарисовано Strata</translation>
    </message>
</context>
<context>
    <name>strata::ReuseScene</name>
    <message>
        <source>layer %1 · %2</source>
        <translation>слой %1 · %2</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>ничего</translation>
    </message>
    <message>
        <source>%1 has the same diff as %2, but is not shared: at position %3, %4 has %5 where %6 has %7. Another chain below means another chain ID, so the engine stores this content a second time.</source>
        <translation>У %1 тот же diff, что у %2, но слой не общий: на позиции %3 у %4 лежит %5, а у %6 — %7. Другая цепочка ниже даёт другой chain ID, поэтому движок хранит это содержимое второй раз.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n other layer(s) with this content sit on a different chain and store it again.</source>
        <translation>
            <numerusform>%1: ещё %n слой с тем же содержимым лежит на другой цепочке и хранит его снова.</numerusform>
            <numerusform>%1: ещё %n слоя с тем же содержимым лежат на другой цепочке и хранят его снова.</numerusform>
            <numerusform>%1: ещё %n слоёв с тем же содержимым лежат на другой цепочке и хранят его снова.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n layer(s)</source>
        <translation>
            <numerusform>%1 · %n слой</numerusform>
            <numerusform>%1 · %n слоя</numerusform>
            <numerusform>%1 · %n слоёв</numerusform>
        </translation>
    </message>
    <message>
        <source>shared %1 · unique %2</source>
        <translation>общие %1 · свои %2</translation>
    </message>
    <message numerus="yes">
        <source>shared by %n image(s)</source>
        <translation>
            <numerusform>общий для %n образа</numerusform>
            <numerusform>общий для %n образов</numerusform>
            <numerusform>общий для %n образов</numerusform>
        </translation>
    </message>
    <message>
        <source>same diff, not shared</source>
        <translation>тот же diff, не общий</translation>
    </message>
    <message numerus="yes">
        <source>docker images: %1 in %n image(s)</source>
        <translation>
            <numerusform>docker images показывает %1 в %n образе</numerusform>
            <numerusform>docker images показывает %1 в %n образах</numerusform>
            <numerusform>docker images показывает %1 в %n образах</numerusform>
        </translation>
    </message>
    <message>
        <source>stored once: %1</source>
        <translation>хранится один раз: %1</translation>
    </message>
    <message>
        <source>saved: %1 (%2 %)</source>
        <translation>экономия: %1 (%2 %)</translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s) stored for %1 layer references; %2 shared</source>
        <translation>
            <numerusform>хранится %n слой на %1 ссылок на слои; общих %2</numerusform>
            <numerusform>хранится %n слоя на %1 ссылок на слои; общих %2</numerusform>
            <numerusform>хранится %n слоёв на %1 ссылок на слои; общих %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) add %1 of read-write layers; as copies of their images they would take %2</source>
        <translation>
            <numerusform>%n контейнер добавляет %1 в слоях для записи; копии образов заняли бы %2</numerusform>
            <numerusform>%n контейнера добавляют %1 в слоях для записи; копии образов заняли бы %2</numerusform>
            <numerusform>%n контейнеров добавляют %1 в слоях для записи; копии образов заняли бы %2</numerusform>
        </translation>
    </message>
    <message>
        <source>~ blob size: that layer has not been read yet</source>
        <translation>~ размер blob: этот слой ещё не прочитан</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Размер: %1</translation>
    </message>
    <message>
        <source>counted from its files, as docker does</source>
        <translation>посчитан по файлам, как у docker</translation>
    </message>
    <message>
        <source>its blob as stored: the layer has not been read</source>
        <translation>размер хранимого blob: слой не прочитан</translation>
    </message>
    <message>
        <source>diff_id: %1</source>
        <translation>diff_id: %1</translation>
    </message>
    <message>
        <source>chain ID: %1</source>
        <translation>chain ID: %1</translation>
    </message>
    <message>
        <source>No diff_ids in this image: matched by %1</source>
        <translation>В образе нет diff_id: сопоставлено по %1</translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation>Используют: %1</translation>
    </message>
    <message>
        <source>A container of %1: it shares every layer of the image and adds one thin read-write layer.</source>
        <translation>Контейнер из %1: использует все слои образа и добавляет один тонкий слой для записи.</translation>
    </message>
    <message>
        <source>Assumed size of that layer: %1 (an illustration: no engine is asked)</source>
        <translation>Предполагаемый размер этого слоя: %1 (иллюстрация, движок не опрашивается)</translation>
    </message>
    <message>
        <source>Image ID: %1</source>
        <translation>ID образа: %1</translation>
    </message>
    <message>
        <source>Size as docker images lists it: %1</source>
        <translation>Размер, как в docker images: %1</translation>
    </message>
    <message>
        <source>In layers other images use too: %1; its own: %2</source>
        <translation>В слоях, которые используют и другие образы: %1; только свои: %2</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>Откуда: %1</translation>
    </message>
    <message numerus="yes">
        <source>Layer reuse across %n image(s)</source>
        <translation>
            <numerusform>Общие слои %n образа</numerusform>
            <numerusform>Общие слои %n образов</numerusform>
            <numerusform>Общие слои %n образов</numerusform>
        </translation>
    </message>
    <message>
        <source>shared: stored once</source>
        <translation>общий: хранится один раз</translation>
    </message>
    <message>
        <source>one image only</source>
        <translation>только у одного образа</translation>
    </message>
    <message>
        <source>%1 assumed</source>
        <translation>примерно %1</translation>
    </message>
    <message>
        <source>%1 measured</source>
        <translation>%1 измерено</translation>
    </message>
    <message>
        <source>some sizes assumed</source>
        <translation>часть размеров предположена</translation>
    </message>
    <message>
        <source>container layer (measured or assumed size)</source>
        <translation>слой контейнера (измеренный или предполагаемый размер)</translation>
    </message>
    <message>
        <source>Size of that layer as the engine measures it (docker ps -s): %1; the container is %2</source>
        <translation>Размер этого слоя, как его измеряет движок (docker ps -s): %1; состояние контейнера: %2</translation>
    </message>
</context>
<context>
    <name>strata::ReuseWindow</name>
    <message>
        <source>Image</source>
        <translation>Образ</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Shared</source>
        <translation>Общие</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>Свои</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>Контейнеры</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>Контейнер</translation>
    </message>
    <message>
        <source>Layer Reuse — Strata</source>
        <translation>Общие слои — Strata</translation>
    </message>
    <message>
        <source>A path in the image, e.g. etc/os-release</source>
        <translation>Путь в образе, например etc/os-release</translation>
    </message>
    <message>
        <source>Offered first: the paths that several layers write or delete</source>
        <translation>Сначала предлагаются пути, которые записывают или удаляют несколько слоёв</translation>
    </message>
    <message>
        <source>Click a layer, a container or an image name.</source>
        <translation>Щёлкните слой, контейнер или имя образа.</translation>
    </message>
    <message>
        <source>Add Container</source>
        <translation>Добавить контейнер</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Mounted:</source>
        <translation>Смонтировано:</translation>
    </message>
    <message>
        <source>Path:</source>
        <translation>Путь:</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Итоги</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Наложение</translation>
    </message>
    <message numerus="yes">
        <source>Reading layers: %n job(s) left…</source>
        <translation>
            <numerusform>Чтение слоёв: осталась %n задача…</numerusform>
            <numerusform>Чтение слоёв: осталось %n задачи…</numerusform>
            <numerusform>Чтение слоёв: осталось %n задач…</numerusform>
        </translation>
    </message>
    <message>
        <source>Every layer read: sizes are counted from the files</source>
        <translation>Все слои прочитаны: размеры посчитаны по файлам</translation>
    </message>
    <message>
        <source>“%1” is not a size: write it like 4kB, 12MB or 1.5GiB.</source>
        <translation>«%1» — не размер: пишите, например, 4kB, 12MB или 1.5GiB.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Add Archive…</source>
        <translation>&amp;Добавить архив…</translation>
    </message>
    <message>
        <source>Add the images of another archive to the comparison</source>
        <translation>Добавить к сравнению образы ещё одного архива</translation>
    </message>
    <message>
        <source>&amp;Export Diagram…</source>
        <translation>&amp;Экспорт диаграммы…</translation>
    </message>
    <message>
        <source>Save the reuse diagram as an image for slides (SVG or PNG)</source>
        <translation>Сохранить диаграмму общих слоёв как картинку для слайдов (SVG или PNG)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>&amp;Containers</source>
        <translation>&amp;Контейнеры</translation>
    </message>
    <message>
        <source>&amp;Add Container</source>
        <translation>&amp;Добавить контейнер</translation>
    </message>
    <message>
        <source>Run the selected image once more: one thin read-write layer on top of it</source>
        <translation>Запустить выбранный образ ещё раз: один тонкий слой для записи поверх него</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>Enlarge Diagram</source>
        <translation>Увеличить диаграмму</translation>
    </message>
    <message>
        <source>Shrink Diagram</source>
        <translation>Уменьшить диаграмму</translation>
    </message>
    <message>
        <source>&amp;Fit Diagram</source>
        <translation>&amp;Вписать диаграмму</translation>
    </message>
    <message>
        <source>Make the diagram as large as the window allows</source>
        <translation>Сделать диаграмму такой большой, как позволяет окно</translation>
    </message>
    <message>
        <source>Reuse</source>
        <translation>Общие слои</translation>
    </message>
    <message>
        <source>Same diff, not shared</source>
        <translation>Тот же diff, не общий</translation>
    </message>
    <message>
        <source>Add archives (File &gt; Add Archive… or drop them here) to see which layers their images share.</source>
        <translation>Добавьте архивы (Файл &gt; Добавить архив… или перетащите их сюда), чтобы увидеть, какие слои общие у их образов.</translation>
    </message>
    <message>
        <source>image %1</source>
        <translation>образ %1</translation>
    </message>
    <message>
        <source>%1 (container of %2)</source>
        <translation>%1 (контейнер из %2)</translation>
    </message>
    <message>
        <source>%1&apos;s read-write layer</source>
        <translation>слой для записи %1</translation>
    </message>
    <message>
        <source>How overlayfs mounts it</source>
        <translation>Как это монтирует overlayfs</translation>
    </message>
    <message>
        <source>The lowerdirs are read-only and the first one listed is on top; what the container writes goes to the upperdir; the merged view shows the topmost copy of each path unless a whiteout above deletes it.</source>
        <translation>Каталоги lowerdir только для чтения, первый в списке — верхний; всё, что пишет контейнер, попадает в upperdir; объединённый вид показывает самую верхнюю копию каждого пути, если её не удаляет whiteout выше.</translation>
    </message>
    <message>
        <source>Add Archive</source>
        <translation>Добавить архив</translation>
    </message>
    <message>
        <source>Image archives (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;All files (*)</source>
        <translation>Архивы образов (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation>Экспорт диаграммы</translation>
    </message>
    <message>
        <source>SVG image (*.svg);;PNG image (*.png)</source>
        <translation>Изображение SVG (*.svg);;Изображение PNG (*.png)</translation>
    </message>
    <message>
        <source>%1 could not be written.</source>
        <translation>Не удалось записать %1.</translation>
    </message>
    <message>
        <source>Read-write layer</source>
        <translation>Слой для чтения и записи</translation>
    </message>
    <message>
        <source>Size is</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Double-click an assumed container&apos;s name or size to change it; sizes like 4kB, 12MB or 1.5GiB</source>
        <translation>Дважды щёлкните по имени или размеру предполагаемого контейнера, чтобы изменить его; размеры вида 4kB, 12MB или 1.5GiB</translation>
    </message>
    <message>
        <source>A container shares every layer of its image and adds one thin read-write layer. The containers an engine runs of its images are listed with the size the engine measures (as docker ps -s shows it); those you add are assumptions for the illustration.</source>
        <translation>Контейнер разделяет все слои своего образа и добавляет один тонкий слой для чтения и записи. Контейнеры, которые движок запускает из своих образов, показаны с размером, измеренным движком (как в docker ps -s); добавленные вами — предположения для иллюстрации.</translation>
    </message>
    <message>
        <source>That container is the engine&apos;s: remove it with docker rm or podman rm, and it goes from here too.</source>
        <translation>Этот контейнер принадлежит движку: удалите его командой docker rm или podman rm, и он исчезнет и отсюда.</translation>
    </message>
    <message>
        <source>measured by the engine (%1)</source>
        <translation>измерено движком (%1)</translation>
    </message>
    <message>
        <source>assumed</source>
        <translation>предположение</translation>
    </message>
</context>
<context>
    <name>strata::ReuseWorkspace</name>
    <message>
        <source>container %1</source>
        <translation>контейнер %1</translation>
    </message>
</context>
<context>
    <name>strata::SettingsDialog</name>
    <message>
        <source>C&amp;lear Cache</source>
        <translation>О&amp;чистить кэш</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>unix:///run/user/1000/docker.sock</source>
        <translation>unix:///run/user/1000/docker.sock</translation>
    </message>
    <message>
        <source>An engine to try before DOCKER_HOST, the current Docker context and the usual sockets: unix://PATH, tcp://HOST:PORT or https://HOST:PORT</source>
        <translation>Движок, к которому обращаться раньше DOCKER_HOST, текущего контекста Docker и обычных сокетов: unix://ПУТЬ, tcp://ХОСТ:ПОРТ или https://ХОСТ:ПОРТ</translation>
    </message>
    <message>
        <source> GiB</source>
        <translation> ГиБ</translation>
    </message>
    <message>
        <source>Engine address:</source>
        <translation>Адрес движка:</translation>
    </message>
    <message>
        <source>Cache limit:</source>
        <translation>Предел кэша:</translation>
    </message>
    <message>
        <source>Cache:</source>
        <translation>Кэш:</translation>
    </message>
    <message>
        <source>Clear Cache</source>
        <translation>Очистить кэш</translation>
    </message>
    <message>
        <source>registry.lan:5000, 10.0.0.5:5000</source>
        <translation>registry.lan:5000, 10.0.0.5:5000</translation>
    </message>
    <message>
        <source>Registries that may be asked in plain HTTP when they do not speak TLS, as Docker&apos;s insecure-registries. This machine&apos;s registries (localhost, 127.0.0.1) always may.</source>
        <translation>Реестры, к которым можно обращаться по обычному HTTP, если они не поддерживают TLS, как insecure-registries в Docker. К реестрам этой машины (localhost, 127.0.0.1) — всегда можно.</translation>
    </message>
    <message>
        <source>Plain HTTP registries:</source>
        <translation>Реестры по HTTP:</translation>
    </message>
    <message numerus="yes">
        <source>%1 in %n image(s) and %2 at %3</source>
        <translation>
            <numerusform>%1 в %n образе и %2 в %3</numerusform>
            <numerusform>%1 в %n образах и %2 в %3</numerusform>
            <numerusform>%1 в %n образах и %2 в %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n layer(s)</source>
        <translation>
            <numerusform>%n слое</numerusform>
            <numerusform>%n слоях</numerusform>
            <numerusform>%n слоях</numerusform>
        </translation>
    </message>
    <message>
        <source>The layers of images opened from an engine or a registry are kept here once (one file per digest, shared by every image that uses it) and read from here the next time. What was used least recently goes first when the cache is full.</source>
        <translation>Слои образов, открытых из движка или реестра, хранятся здесь один раз (один файл на дайджест, общий для всех образов, которые его используют) и в следующий раз читаются отсюда. Когда кэш заполнен, первым удаляется то, что использовалось давнее всего.</translation>
    </message>
</context>
<context>
    <name>strata::StoragePane</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>На диске</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Записей</translation>
    </message>
    <message>
        <source>The overlay mount that joins them:</source>
        <translation>Монтирование overlay, которое их объединяет:</translation>
    </message>
    <message>
        <source>Reading the engine&apos;s folders…</source>
        <translation>Чтение папок движка…</translation>
    </message>
    <message>
        <source>Storage driver: %1</source>
        <translation>Драйвер хранилища: %1</translation>
    </message>
    <message>
        <source>%1 store at %2: %3 on disk in the diff/ folders below</source>
        <translation>Хранилище %1 в %2: %3 на диске в папках diff/ ниже</translation>
    </message>
    <message>
        <source>%1 bytes in blocks on disk (du -s -B1); %2 bytes in the files themselves (du -sb)</source>
        <translation>%1 байт в блоках на диске (du -s -B1); %2 байт в самих файлах (du -sb)</translation>
    </message>
    <message>
        <source>image layer %1</source>
        <translation>слой образа %1</translation>
    </message>
    <message>
        <source>init layer</source>
        <translation>слой init</translation>
    </message>
    <message>
        <source>container layer</source>
        <translation>слой контейнера</translation>
    </message>
    <message>
        <source>%1
The engine&apos;s own files for every container: the mount points of /etc/hosts, /etc/resolv.conf, /etc/hostname, /dev.</source>
        <translation>%1
Собственные файлы движка для каждого контейнера: точки монтирования /etc/hosts, /etc/resolv.conf, /etc/hostname, /dev.</translation>
    </message>
    <message>
        <source>%1
The read-write layer: overlayfs&apos;s upperdir, where the container&apos;s writes land.</source>
        <translation>%1
Слой для чтения и записи: upperdir в overlayfs, куда попадает всё, что пишет контейнер.</translation>
    </message>
    <message>
        <source>What this layer holds, as files</source>
        <translation>Что хранит этот слой, в виде файлов</translation>
    </message>
    <message>
        <source>link: l/%1</source>
        <translation>link: l/%1</translation>
    </message>
    <message>
        <source>The layer&apos;s short name: l/%1 is a symlink to its diff/, so that mount options stay short</source>
        <translation>Короткое имя слоя: l/%1 — символическая ссылка на его diff/, чтобы параметры монтирования оставались короткими</translation>
    </message>
    <message>
        <source>lower: %1</source>
        <translation>lower: %1</translation>
    </message>
    <message>
        <source>The layers below this one, top first: the lowerdir of the mount</source>
        <translation>Слои ниже этого, начиная с верхнего: lowerdir при монтировании</translation>
    </message>
    <message>
        <source>overlayfs&apos;s scratch folder for this upper layer</source>
        <translation>рабочая папка overlayfs для этого верхнего слоя</translation>
    </message>
    <message>
        <source>merged/ — mounted</source>
        <translation>merged/ — смонтирована</translation>
    </message>
    <message>
        <source>merged/ — not mounted</source>
        <translation>merged/ — не смонтирована</translation>
    </message>
    <message>
        <source># mounted now:</source>
        <translation># смонтировано сейчас:</translation>
    </message>
    <message>
        <source># how the engine mounts it:</source>
        <translation># как движок это монтирует:</translation>
    </message>
</context>
<context>
    <name>strata::StoredEntryModel</name>
    <message>
        <source>Deletes /%1 from the layers below</source>
        <translation>Удаляет /%1 из нижних слоёв</translation>
    </message>
    <message>
        <source>Hides what the layers below have in /%1</source>
        <translation>Скрывает то, что есть в /%1 у нижних слоёв</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Права</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <source>Entry as stored</source>
        <translation>Запись как хранится</translation>
    </message>
    <message>
        <source>In the merged filesystem</source>
        <translation>В объединённой файловой системе</translation>
    </message>
</context>
<context>
    <name>strata::TabDetacher</name>
    <message>
        <source>Open this tab in its own window (Ctrl+Shift+D)</source>
        <translation>Открыть эту вкладку в отдельном окне (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Open in Its Own Window</source>
        <translation>Открыть в отдельном окне</translation>
    </message>
    <message>
        <source>Bring Back Into the Tab</source>
        <translation>Вернуть во вкладку</translation>
    </message>
    <message>
        <source>“%1” is open in its own window.</source>
        <translation>«%1» открыта в отдельном окне.</translation>
    </message>
    <message>
        <source>&amp;Bring It Back</source>
        <translation>&amp;Вернуть</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>strata::TreeDiffModel</name>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Что изменилось</translation>
    </message>
    <message>
        <source>Size A</source>
        <translation>Размер A</translation>
    </message>
    <message>
        <source>Size B</source>
        <translation>Размер B</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
</context>
<context>
    <name>strata::TreeExporter</name>
    <message>
        <source>/%1 is in no layer up to this one.</source>
        <translation>/%1 нет ни в одном слое до этого.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Saved /%1 to %2 (%3).</source>
        <translation>/%1 сохранён в %2 (%3).</translation>
    </message>
    <message>
        <source>The filesystem</source>
        <translation>Файловая система</translation>
    </message>
    <message numerus="yes">
        <source>%1 as of layer %2 written to %3: %n entries, %4.</source>
        <translation>
            <numerusform>%1 на слое %2 записан в %3: %n запись, %4.</numerusform>
            <numerusform>%1 на слое %2 записан в %3: %n записи, %4.</numerusform>
            <numerusform>%1 на слое %2 записан в %3: %n записей, %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1, deleted by layer %2, written from layer %3 to %4: %n entries, %5.</source>
        <translation>
            <numerusform>%1, удалённый слоем %2, записан из слоя %3 в %4: %n запись, %5.</numerusform>
            <numerusform>%1, удалённый слоем %2, записан из слоя %3 в %4: %n записи, %5.</numerusform>
            <numerusform>%1, удалённый слоем %2, записан из слоя %3 в %4: %n записей, %5.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device node(s) left out, which only a tar can hold: %1.</source>
        <translation>
            <numerusform>%n файл устройства пропущен (их хранит только tar): %1.</numerusform>
            <numerusform>%n файла устройств пропущено (их хранит только tar): %1.</numerusform>
            <numerusform>%n файлов устройств пропущено (их хранит только tar): %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::WelcomePage</name>
    <message>
        <source>Strata</source>
        <translation>Strata</translation>
    </message>
    <message>
        <source>Open a container image — an archive written by &lt;tt&gt;docker save&lt;/tt&gt;, &lt;tt&gt;podman save&lt;/tt&gt; or &lt;tt&gt;skopeo&lt;/tt&gt;, or an OCI image layout directory — or drop one on this window.</source>
        <translation>Откройте образ контейнера — архив, записанный &lt;tt&gt;docker save&lt;/tt&gt;, &lt;tt&gt;podman save&lt;/tt&gt; или &lt;tt&gt;skopeo&lt;/tt&gt;, или каталог с образом OCI, — или перетащите его в это окно.</translation>
    </message>
    <message>
        <source>Open Archive…</source>
        <translation>Открыть архив…</translation>
    </message>
    <message>
        <source>Open Directory…</source>
        <translation>Открыть каталог…</translation>
    </message>
    <message>
        <source>Open the Demo Image</source>
        <translation>Открыть демонстрационный образ</translation>
    </message>
    <message>
        <source>Layer Reuse Demo</source>
        <translation>Демо общих слоёв</translation>
    </message>
    <message>
        <source>Open from Engine…</source>
        <translation>Открыть из движка…</translation>
    </message>
    <message numerus="yes">
        <source>%1 at %2: %n image(s)</source>
        <translation>
            <numerusform>%1 по адресу %2: %n образ</numerusform>
            <numerusform>%1 по адресу %2: %n образа</numerusform>
            <numerusform>%1 по адресу %2: %n образов</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n container(s)</source>
        <translation>
            <numerusform>, %n контейнер</numerusform>
            <numerusform>, %n контейнера</numerusform>
            <numerusform>, %n контейнеров</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::format</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 байт</translation>
    </message>
    <message>
        <source>Regular file</source>
        <translation>Обычный файл</translation>
    </message>
    <message>
        <source>Directory</source>
        <translation>Каталог</translation>
    </message>
    <message>
        <source>Symbolic link</source>
        <translation>Символическая ссылка</translation>
    </message>
    <message>
        <source>Hard link</source>
        <translation>Жёсткая ссылка</translation>
    </message>
    <message>
        <source>Character device</source>
        <translation>Символьное устройство</translation>
    </message>
    <message>
        <source>Block device</source>
        <translation>Блочное устройство</translation>
    </message>
    <message>
        <source>Named pipe (FIFO)</source>
        <translation>Именованный канал (FIFO)</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Без изменений</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Добавлен</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Удалён</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменён</translation>
    </message>
    <message>
        <source>Changes inside</source>
        <translation>Изменения внутри</translation>
    </message>
    <message>
        <source>%1 link to %2</source>
        <translation>%1 — жёсткая ссылка на %2</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
</TS>
