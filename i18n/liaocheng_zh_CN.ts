<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../liaocheng_plugin/core/crs.py" line="32" />
        <source>Longitude lies outside the CGCS2000 3-degree zones 25–45.</source>
        <translation>经度超出 CGCS2000 3 度带第 25–45 带范围。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs.py" line="39" />
        <source>Layer “{}” has no coordinate reference system. Set its CRS (e.g. EPSG:4527) and run again.</source>
        <translation>图层“{}”没有坐标参考系。请设置其坐标系（如 EPSG:4527）后重新运行。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs.py" line="87" />
        <source>planar areas in the working CRS</source>
        <translation>工作坐标系下的平面面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs.py" line="88" />
        <source>ellipsoidal areas on the CGCS2000 ellipsoid</source>
        <translation>CGCS2000 椭球面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/geometry_repair.py" line="26" />
        <source>Layer “{}”, feature {}: invalid geometry repaired ({}).</source>
        <translation>图层“{}”，要素 {}：无效几何已修复（{}）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/geometry_repair.py" line="27" />
        <source>Layer “{}”, feature {}: empty geometry skipped{}.</source>
        <translation>图层“{}”，要素 {}：空几何已跳过{}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/geometry_repair.py" line="28" />
        <source>Layer “{}”, feature {}: geometry could not be repaired and was skipped ({}).</source>
        <translation>图层“{}”，要素 {}：几何无法修复，已跳过（{}）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/geometry_repair.py" line="29" />
        <source>Layer “{}”, feature {}: could not be transformed to the working CRS{}.</source>
        <translation>图层“{}”，要素 {}：无法转换到工作坐标系{}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/overlay.py" line="206" />
        <source>Layer “{}” must hold polygons or lines to be checked.</source>
        <translation>图层“{}”须为面或线图层才能核查。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/overlay.py" line="208" />
        <source>Layer “{}” holds lines: give a corridor width (buffer) greater than 0 m.</source>
        <translation>图层“{}”为线图层：请给出大于 0 米的廊道宽度（缓冲距离）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="124" />
        <source>This file is not a protected-layer profile.</source>
        <translation>该文件不是保护图层配置。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="182" />
        <source>layer is not in the project</source>
        <translation>图层不在当前工程中</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="196" />
        <source>holds {} geometries; polygons are needed</source>
        <translation>为{}几何；需要面图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="198" />
        <source>has no coordinate reference system</source>
        <translation>没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="200" />
        <source>is empty</source>
        <translation>为空图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="203" />
        <source>has no field “{}”</source>
        <translation>缺少字段“{}”</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="205" />
        <source>needs a land-use code field (DLBM)</source>
        <translation>需要地类编码字段（DLBM）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/protected_index.py" line="68" />
        <source>Layer “{}” has no field “{}”.</source>
        <translation>图层“{}”缺少字段“{}”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/role_guess.py" line="82" />
        <source>layer name “{}” matches “{}”</source>
        <translation>图层名“{}”与“{}”匹配</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/role_guess.py" line="90" />
        <source>layer has the land-use code field “{}”</source>
        <translation>图层含地类编码字段“{}”</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="35" />
        <source>Permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="36" />
        <source>Ecological red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="37" />
        <source>Urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="17" />
        <source>Land-use survey</source>
        <translation>国土调查地类图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="45" />
        <source>Villages</source>
        <translation>村庄</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="46" />
        <source>Mineral resources</source>
        <translation>矿产资源</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="20" />
        <source>Cultivated land</source>
        <translation>耕地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="32" />
        <source>outside development boundary {:.2f} mu ({:.1f}%)</source>
        <translation>城镇开发边界外 {:.2f} 亩（{:.1f}%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="39" />
        <source>{} {:.2f} mu (net {:.2f} mu)</source>
        <translation>{} {:.2f} 亩（扣除田坎后 {:.2f} 亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="46" />
        <source>villages: {}</source>
        <translation>村庄：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="49" />
        <source>{} {:.2f} mu ({:.1f}%)</source>
        <translation>{} {:.2f} 亩（{:.1f}%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="38" />
        <source>Land-use survey (DLTB)</source>
        <translation>国土调查地类图斑（DLTB）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="39" />
        <source>Villages (optional)</source>
        <translation>村庄（可选）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="40" />
        <source>Mineral resources (optional)</source>
        <translation>矿产资源（可选）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="65" />
        <source>Land-use codes counted as cultivated land, comma separated</source>
        <translation>计为耕地的地类编码，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="66" />
        <source>Deduction (KCXS):</source>
        <translation>扣除系数（KCXS）：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="68" />
        <source>Cultivated codes:</source>
        <translation>耕地编码：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="80" />
        <source>Land-use code field:</source>
        <translation>地类编码字段：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="82" />
        <source>Name field:</source>
        <translation>名称字段：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="83" />
        <source>Label field:</source>
        <translation>标识字段：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="128" />
        <source>Guessed: {}</source>
        <translation>自动识别：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="136" />
        <source>No layer assigned.</source>
        <translation>未指定图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="219" />
        <source>Export profile</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="226" />
        <source>Profile (*.json)</source>
        <translation>配置文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="233" />
        <source>Import profile</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/provider.py" line="18" />
        <source>Liaocheng Land Check</source>
        <translation>聊城国土空间核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/plugin.py" line="46" />
        <source>Protected-layer profile…</source>
        <translation>保护图层配置…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/plugin.py" line="47" />
        <source>Overlap check…</source>
        <translation>叠加分析核查…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="41" />
        <source>… and {} more geometry problems.</source>
        <translation>……另有 {} 处几何问题。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="42" />
        <source>Areas are {}; working CRS {}.</source>
        <translation>面积为{}；工作坐标系 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="73" />
        <source>Overlap check against protected layers</source>
        <translation>保护图层叠加分析核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="76" />
        <source>Checks</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="82" />
        <source>For each subject (parcel, patch, site or route corridor) computes the area lying on permanent basic farmland, the ecological red line, the urban development boundary, cultivated land of the land-use survey (gross and net of the KCXS field-ridge deduction), villages and further layers, in m², mu and percent. Overlapping protected features are counted once. Invalid geometries are repaired and reported. Lines are buffered by BUFFER metres on each side.</source>
        <translation>对每个核查对象（地块、图斑、选址或线路廊道）计算其占用永久基本农田、生态保护红线、城镇开发边界、国土调查耕地（含按 KCXS 扣除田坎前后面积）、村庄及其他图层的面积，以平方米、亩和百分比表示。相互重叠的保护要素只计一次。无效几何自动修复并报告。线要素按 BUFFER 米向两侧缓冲。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="94" />
        <source>Subjects (polygons or lines)</source>
        <translation>核查对象（面或线）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="101" />
        <source>Buffer for lines (each side)</source>
        <translation>线要素缓冲距离（单侧）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="105" />
        <source>Overlap results</source>
        <translation>叠加分析结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="106" />
        <source>Overlap pieces</source>
        <translation>叠加压占图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="41" />
        <source>Permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="42" />
        <source>Ecological red line (生态保护红线)</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="43" />
        <source>Urban development boundary (城镇开发边界)</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="44" />
        <source>Land-use survey patches (三调 DLTB)</source>
        <translation>三调地类图斑（DLTB）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="58" />
        <source>Land-use code field</source>
        <translation>地类编码字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="64" />
        <source>Field-ridge deduction coefficient field (KCXS; found automatically when empty)</source>
        <translation>田坎扣除系数字段（KCXS；留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="71" />
        <source>Cultivated land codes (comma separated)</source>
        <translation>耕地地类编码（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="74" />
        <source>Village name field (found automatically when empty)</source>
        <translation>村庄名称字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="85" />
        <source>Further overlay layers</source>
        <translation>其他叠加图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="90" />
        <source>Area measurement</source>
        <translation>面积计算方式</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="90" />
        <source>Ellipsoidal (CGCS2000, as official survey areas)</source>
        <translation>椭球面积（CGCS2000，与调查成果一致）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="90" />
        <source>Planar (working CRS)</source>
        <translation>平面面积（工作坐标系）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="113" />
        <source>Layer “{}” has no land-use code field “{}”.</source>
        <translation>图层“{}”缺少地类编码字段“{}”。</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="9" />
        <source>Protected-layer profile</source>
        <translation>保护图层配置</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="15" />
        <source>Assign the project's layers to the roles the checks use. Proposals come from common layer and field names; the reason is shown under each role. The profile is saved in the project.</source>
        <translation>为核查所用的各类保护图层指定工程中的图层。系统根据常见图层名和字段名自动识别，识别依据显示在各项下方。配置随工程保存。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="22" />
        <source>Roles</source>
        <translation>图层角色</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="28" />
        <source>Further overlay layers</source>
        <translation>其他叠加图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="33" />
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="34" />
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="39" />
        <source>Add layer</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="40" />
        <source>Remove layer</source>
        <translation>移除图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="49" />
        <source>Guess from layer names</source>
        <translation>按图层名自动识别</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="50" />
        <source>Import JSON…</source>
        <translation>导入 JSON…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="51" />
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
</context>
</TS>