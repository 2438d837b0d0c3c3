<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../liaocheng_plugin/core/crs.py" line="28"/>
        <source>Longitude lies outside the CGCS2000 3-degree zones 25–45.</source>
        <translation>经度超出 CGCS2000 3 度带第 25–45 带范围。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs.py" line="35"/>
        <source>Layer “{}” has no coordinate reference system. Set its CRS (e.g. EPSG:4527) and run again.</source>
        <translation>图层“{}”没有坐标参考系。请设置其坐标系（如 EPSG:4527）后重新运行。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/measure.py" line="85"/>
        <source>planar areas in the working CRS</source>
        <translation>工作坐标系下的平面面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/measure.py" line="86"/>
        <source>ellipsoidal areas on the CGCS2000 ellipsoid</source>
        <translation>CGCS2000 椭球面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/issues.py" line="14"/>
        <source>Layer “{}”, feature {}: invalid geometry repaired ({}).</source>
        <translation>图层“{}”，要素 {}：无效几何已修复（{}）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/issues.py" line="15"/>
        <source>Layer “{}”, feature {}: empty geometry skipped{}.</source>
        <translation>图层“{}”，要素 {}：空几何已跳过{}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/issues.py" line="16"/>
        <source>Layer “{}”, feature {}: geometry could not be repaired and was skipped ({}).</source>
        <translation>图层“{}”，要素 {}：几何无法修复，已跳过（{}）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/issues.py" line="17"/>
        <source>Layer “{}”, feature {}: could not be transformed to the working CRS{}.</source>
        <translation>图层“{}”，要素 {}：无法转换到工作坐标系{}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/overlay.py" line="79"/>
        <source>Layer “{}” must hold polygons or lines to be checked.</source>
        <translation>图层“{}”须为面或线图层才能核查。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/overlay.py" line="81"/>
        <source>Layer “{}” holds lines: give a corridor width (buffer) greater than 0 m.</source>
        <translation>图层“{}”为线图层：请给出大于 0 米的廊道宽度（缓冲距离）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="144"/>
        <source>This file is not a protected-layer profile.</source>
        <translation>该文件不是保护图层配置。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="156"/>
        <source>It is not UTF-8 text.</source>
        <translation>文件不是 UTF-8 文本。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="157"/>
        <source>Could not read “{}”.</source>
        <translation>无法读取“{}”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="161"/>
        <source>“{}” is not a protected-layer profile.</source>
        <translation>“{}”不是保护图层配置文件。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="248"/>
        <source>layer is not in the project</source>
        <translation>图层不在当前工程中</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="279"/>
        <source>holds {} geometries; polygons are needed</source>
        <translation>为{}几何；需要面图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="281"/>
        <source>has no coordinate reference system</source>
        <translation>没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="283"/>
        <source>is empty</source>
        <translation>为空图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="286"/>
        <source>has no field “{}”</source>
        <translation>缺少字段“{}”</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="288"/>
        <source>needs a land-use code field (DLBM)</source>
        <translation>需要地类编码字段（DLBM）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/reader.py" line="70"/>
        <source>Layer “{}” has no field “{}”.</source>
        <translation>图层“{}”缺少字段“{}”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/role_guess.py" line="109"/>
        <source>layer name “{}” matches “{}”</source>
        <translation>图层名“{}”与“{}”匹配</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/role_guess.py" line="117"/>
        <source>layer has the land-use code field “{}”</source>
        <translation>图层含地类编码字段“{}”</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="45"/>
        <source>Permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="46"/>
        <source>Ecological red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="47"/>
        <source>Urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="17"/>
        <source>Land-use survey</source>
        <translation>国土调查地类图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="61"/>
        <source>Villages</source>
        <translation>村庄</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="62"/>
        <source>Mineral resources</source>
        <translation>矿产资源</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="23"/>
        <source>Cultivated land</source>
        <translation>耕地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="32"/>
        <source>outside development boundary {:.2f} mu ({:.1f}%)</source>
        <translation>城镇开发边界外 {:.2f} 亩（{:.1f}%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="39"/>
        <source>{} {:.2f} mu (net {:.2f} mu)</source>
        <translation>{} {:.2f} 亩（扣除田坎后 {:.2f} 亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="46"/>
        <source>villages: {}</source>
        <translation>村庄：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/roles.py" line="49"/>
        <source>{} {:.2f} mu ({:.1f}%)</source>
        <translation>{} {:.2f} 亩（{:.1f}%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="48"/>
        <source>Land-use survey (DLTB)</source>
        <translation>国土调查地类图斑（DLTB）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="49"/>
        <source>Villages (optional)</source>
        <translation>村庄（可选）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="50"/>
        <source>Mineral resources (optional)</source>
        <translation>矿产资源（可选）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="78"/>
        <source>Land-use codes counted as cultivated land, comma separated</source>
        <translation>计为耕地的地类编码，以逗号分隔</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="79"/>
        <source>Deduction (KCXS):</source>
        <translation>扣除系数（KCXS）：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="81"/>
        <source>Cultivated codes:</source>
        <translation>耕地编码：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="95"/>
        <source>Land-use code field:</source>
        <translation>地类编码字段：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="97"/>
        <source>Name field:</source>
        <translation>名称字段：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="98"/>
        <source>Label field:</source>
        <translation>标识字段：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="147"/>
        <source>Guessed: {}</source>
        <translation>自动识别：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="155"/>
        <source>No layer assigned.</source>
        <translation>未指定图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="276"/>
        <source>Export profile</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="280"/>
        <source>Profile (*.json)</source>
        <translation>配置文件 (*.json)</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="286"/>
        <source>Import profile</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/provider.py" line="27"/>
        <source>Liaocheng Land Check</source>
        <translation>聊城国土空间核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/plugin.py" line="64"/>
        <source>Protected-layer profile…</source>
        <translation>保护图层配置…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/plugin.py" line="68"/>
        <source>Overlap check…</source>
        <translation>叠加分析核查…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/outputs.py" line="30"/>
        <source>Areas are {}; working CRS {}.</source>
        <translation>面积为{}；工作坐标系 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="59"/>
        <source>Overlap check against protected layers</source>
        <translation>保护图层叠加分析核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/check_algorithm.py" line="25"/>
        <source>Checks</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="62"/>
        <source>For each subject (parcel, patch, site or route corridor) computes the area lying on permanent basic farmland, the ecological red line, the urban development boundary, cultivated land of the land-use survey (gross and net of the KCXS field-ridge deduction), villages and further layers, in m², mu and percent. Overlapping protected features are counted once. Invalid geometries are repaired and reported. Lines become corridors: buffered on each side by the “Buffer for lines (each side)”.</source>
        <translation>对每个核查对象（地块、图斑、选址或线路廊道）计算其占用永久基本农田、生态保护红线、城镇开发边界、国土调查耕地（含按 KCXS 扣除田坎前后面积）、村庄及其他图层的面积，以平方米、亩和百分比表示。相互重叠的保护要素只计一次。无效几何自动修复并报告。线要素按“线要素缓冲距离（单侧）”向两侧缓冲成廊道。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="72"/>
        <source>Subjects (polygons or lines)</source>
        <translation>核查对象（面或线）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="79"/>
        <source>Buffer for lines (each side)</source>
        <translation>线要素缓冲距离（单侧）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="85"/>
        <source>Overlap results</source>
        <translation>叠加分析结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/overlap_algorithm.py" line="86"/>
        <source>Overlap pieces</source>
        <translation>叠加压占图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="57"/>
        <source>Permanent basic farmland (永久基本农田)</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="58"/>
        <source>Ecological red line (生态保护红线)</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="59"/>
        <source>Urban development boundary (城镇开发边界)</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="60"/>
        <source>Land-use survey patches (三调 DLTB)</source>
        <translation>三调地类图斑（DLTB）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="71"/>
        <source>The project&apos;s protected-layer profile cannot be read: {}</source>
        <translation>无法读取本工程的保护图层配置：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="162"/>
        <source>Land-use code field</source>
        <translation>地类编码字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="168"/>
        <source>Field-ridge deduction coefficient field (KCXS; found automatically when empty)</source>
        <translation>田坎扣除系数字段（KCXS；留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="175"/>
        <source>Cultivated land codes (comma separated)</source>
        <translation>耕地地类编码（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="180"/>
        <source>Village name field (found automatically when empty)</source>
        <translation>村庄名称字段（留空则自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="191"/>
        <source>Further overlay layers</source>
        <translation>其他叠加图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="197"/>
        <source>Area measurement</source>
        <translation>面积计算方式</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="197"/>
        <source>Ellipsoidal (CGCS2000, as official survey areas)</source>
        <translation>椭球面积（CGCS2000，与调查成果一致）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="197"/>
        <source>Planar (working CRS)</source>
        <translation>平面面积（工作坐标系）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="227"/>
        <source>Layer “{}” has no land-use code field “{}”.</source>
        <translation>图层“{}”缺少地类编码字段“{}”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/export.py" line="40"/>
        <source>Could not write layer “{}” to “{}”.</source>
        <translation>无法将图层“{}”写入“{}”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/findings.py" line="45"/>
        <source>fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/findings.py" line="45"/>
        <source>warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/findings.py" line="45"/>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="168"/>
        <source>(no code, feature {})</source>
        <translation>（无编号，要素 {}）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="206"/>
        <source>, features {}</source>
        <translation>，图斑 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="243"/>
        <source>no recorded area in the ledger</source>
        <translation>台账未登记面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="251"/>
        <source>recorded area {} differs from the mapped {} by {}</source>
        <translation>台账面积 {} 与图上面积 {} 相差 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="259"/>
        <source>not registered (no certificate number)</source>
        <translation>未办理不动产登记（无权证号）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="263"/>
        <source>no inspection recorded</source>
        <translation>无巡查记录</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="267"/>
        <source>last inspected {} days ago (more than {})</source>
        <translation>距上次巡查已 {} 天（超过 {} 天）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="286"/>
        <source>fence</source>
        <translation>围挡</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="286"/>
        <source>dust net</source>
        <translation>防尘网</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="299"/>
        <source> and </source>
        <translation>和</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="299"/>
        <source>bare land {}: {} not filled in the ledger</source>
        <translation>裸露土地 {}，台账未填写{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="337"/>
        <source>All parcels</source>
        <translation>全部地块</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="342"/>
        <source>(no grid)</source>
        <translation>（无网格）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Findings</source>
        <translation>核查问题</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="54"/>
        <source>Mapped area (m²)</source>
        <translation>图上面积（平方米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="55"/>
        <source>Mapped area (mu)</source>
        <translation>图上面积（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="57"/>
        <source>Recorded area (mu)</source>
        <translation>台账面积（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="145"/>
        <source>Permanent farmland (mu)</source>
        <translation>占永久基本农田（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="59"/>
        <source>Permanent farmland (%)</source>
        <translation>占永久基本农田（%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Red line (mu)</source>
        <translation>占生态保护红线（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="61"/>
        <source>Red line (%)</source>
        <translation>占生态保护红线（%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="147"/>
        <source>Cultivated land (mu)</source>
        <translation>含耕地（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="63"/>
        <source>Cultivated land net (mu)</source>
        <translation>含耕地净面积（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="64"/>
        <source>Outside development boundary (mu)</source>
        <translation>城镇开发边界外（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="65"/>
        <source>Outside development boundary (%)</source>
        <translation>城镇开发边界外（%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="158"/>
        <source>Overlapping parcels</source>
        <translation>重叠地块</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="159"/>
        <source>Days since inspection</source>
        <translation>距上次巡查天数</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="71"/>
        <source>Group</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="73"/>
        <source>Parcels</source>
        <translation>地块数</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="74"/>
        <source>Fail</source>
        <translation>不通过</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="75"/>
        <source>Warning</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="76"/>
        <source>Pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="19"/>
        <source>Parcel code</source>
        <translation>地块编号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="21"/>
        <source>Parcel name</source>
        <translation>地块名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="28"/>
        <source>Reserve date</source>
        <translation>储备日期</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="29"/>
        <source>Registration</source>
        <translation>登记状态</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="30"/>
        <source>Certificate number</source>
        <translation>不动产权证号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="31"/>
        <source>Fence</source>
        <translation>围挡</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="32"/>
        <source>Dust net</source>
        <translation>防尘网</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="33"/>
        <source>Last inspection</source>
        <translation>最近巡查日期</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="84"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="92"/>
        <source>Reserve ledger</source>
        <translation>储备土地台账</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve_table.py" line="99"/>
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/xlsx.py" line="79"/>
        <source>Exporting XLSX needs the Python package openpyxl.</source>
        <translation>导出 XLSX 需要 Python 包 openpyxl。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/export_report.py" line="31"/>
        <source>Could not write “{}”.</source>
        <translation>无法写入“{}”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="34"/>
        <source>Reserve check results</source>
        <translation>储备土地核查结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/plugin.py" line="65"/>
        <source>Land-reserve parcels</source>
        <translation>储备土地核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="63"/>
        <source>Filter findings…</source>
        <translation>筛选核查问题…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="64"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="169"/>
        <source>All grids</source>
        <translation>全部网格</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/dock_profile.py" line="19"/>
        <source>farmland</source>
        <translation>永农</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/dock_profile.py" line="20"/>
        <source>red line</source>
        <translation>红线</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/dock_profile.py" line="21"/>
        <source>boundary</source>
        <translation>开发边界</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/dock_profile.py" line="22"/>
        <source>survey</source>
        <translation>三调</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/dock_profile.py" line="38"/>
        <source>none — set the profile first</source>
        <translation>未设置——请先配置保护图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="108"/>
        <source>Choose a layer of reserve parcels.</source>
        <translation>请选择储备地块图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="111"/>
        <source>No parcel of “{}” is selected.</source>
        <translation>图层“{}”中没有选中的地块。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="139"/>
        <source>No protected layer is set: open the protected-layer profile first.</source>
        <translation>尚未设置保护图层：请先打开保护图层配置。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="196"/>
        <source>The check was canceled; nothing was written.</source>
        <translation>核查已取消，未写入任何结果。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="173"/>
        <source>Checked reserve parcels</source>
        <translation>储备地块核查结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/site_algorithm.py" line="113"/>
        <source>Conflict pieces</source>
        <translation>冲突图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="174"/>
        <source>Reserve summary</source>
        <translation>储备土地汇总</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Area (mu)</source>
        <translation>面积（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Farmland (mu)</source>
        <translation>永农（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Cultivated (mu)</source>
        <translation>耕地（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="125"/>
        <source>Outside boundary (%)</source>
        <translation>边界外（%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="47"/>
        <source>parcels</source>
        <translation>宗地块</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="47"/>
        <source>mu in total</source>
        <translation>亩（合计）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="268"/>
        <source>Export ledger</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_exports.py" line="68"/>
        <source>Export GeoPackage</source>
        <translation>导出 GeoPackage</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/export_report.py" line="53"/>
        <source>Written to {}</source>
        <translation>已写入 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="72"/>
        <source>Parcel code field</source>
        <translation>地块编号字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="73"/>
        <source>Parcel name field</source>
        <translation>地块名称字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="74"/>
        <source>Recorded area field (mu)</source>
        <translation>台账面积字段（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="75"/>
        <source>Registration state field</source>
        <translation>登记状态字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="76"/>
        <source>Certificate number field</source>
        <translation>不动产权证号字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="77"/>
        <source>Fence state field</source>
        <translation>围挡情况字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="78"/>
        <source>Dust net state field</source>
        <translation>防尘网情况字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="79"/>
        <source>Last inspection date field</source>
        <translation>最近巡查日期字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="106"/>
        <source>Land-reserve parcel check</source>
        <translation>储备土地核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="109"/>
        <source>Checks each land-reserve parcel: on permanent basic farmland or in the ecological red line (fail), outside the urban development boundary beyond a tolerance, on cultivated land, recorded area differing from the mapped area, not registered, inspection overdue, bare land without fence or dust net (warn), and parcels overlapping each other (fail). Assigns each parcel the grid cell and township holding most of it. Ledger fields are found automatically when not given.</source>
        <translation>逐宗核查储备地块：占用永久基本农田或位于生态保护红线内（不通过）；超出容差位于城镇开发边界外、含耕地、台账面积与图上面积不符、未办理登记、巡查超期、裸露土地未完整围挡或苫盖（预警）；储备地块相互重叠（不通过）。并为每宗地块确定其主要所在的网格和乡镇（街道）。未指定台账字段时自动识别。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="119"/>
        <source>Reserve parcels</source>
        <translation>储备地块</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="122"/>
        <source>Inspection grid</source>
        <translation>巡查网格</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="122"/>
        <source>Townships</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="127"/>
        <source>Name field of {}</source>
        <translation>{}名称字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="140"/>
        <source>Tolerated share outside the boundary (%)</source>
        <translation>允许位于边界外的比例（%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="140"/>
        <source>Area tolerance (%)</source>
        <translation>面积容差（%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="140"/>
        <source>Area tolerance (mu)</source>
        <translation>面积容差（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="140"/>
        <source>Inspection interval (days)</source>
        <translation>巡查周期（天）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="167"/>
        <source>Check date (YYYY-MM-DD; today when empty)</source>
        <translation>核查日期（YYYY-MM-DD，留空为今天）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/reserve_algorithm.py" line="192"/>
        <source>Check date “{}” is not a date like 2024-06-30.</source>
        <translation>核查日期“{}”格式不正确，应如 2024-06-30。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="283"/>
        <source>not cultivated in the baseline ({:.0f}% cultivated; {})</source>
        <translation>基期非耕地（耕地占 {:.0f}%；{}）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="286"/>
        <source>not rectified yet</source>
        <translation>尚未整改</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="311"/>
        <source>{} is smaller than the minimum inflow patch of {}</source>
        <translation>面积 {} 小于流入图斑最小面积 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="342"/>
        <source>paired with unknown outflow patch {}</source>
        <translation>对应的流出图斑 {} 不存在</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="350"/>
        <source>paired inflow {} is not valid</source>
        <translation>对应的流入图斑 {} 无效</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="154"/>
        <source>Direction</source>
        <translation>流向</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="154"/>
        <source>Patch number</source>
        <translation>图斑编号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="154"/>
        <source>County</source>
        <translation>县（区）代码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="198"/>
        <source>County name</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="200"/>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="175"/>
        <source>Inside boundary (mu)</source>
        <translation>开发边界内（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="154"/>
        <source>Cultivated in baseline (mu)</source>
        <translation>基期耕地（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="154"/>
        <source>Quality grade</source>
        <translation>耕地质量等别</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="154"/>
        <source>Rectification</source>
        <translation>整改方式</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="55"/>
        <source>Paired outflow</source>
        <translation>对应流出图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/change/table.py" line="180"/>
        <source>Level</source>
        <translation>层级</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="258"/>
        <source>Outflow (mu)</source>
        <translation>流出（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance_table.py" line="138"/>
        <source>Restored in place (mu)</source>
        <translation>就地恢复（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance_table.py" line="139"/>
        <source>Exempt (mu)</source>
        <translation>不纳入平衡（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance_table.py" line="140"/>
        <source>To balance (mu)</source>
        <translation>需平衡（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance_table.py" line="141"/>
        <source>Valid inflow (mu)</source>
        <translation>有效流入（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance_table.py" line="142"/>
        <source>Surplus / deficit (mu)</source>
        <translation>盈余/缺口（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance_table.py" line="143"/>
        <source>Outflow quality grade</source>
        <translation>流出质量等别</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance_table.py" line="144"/>
        <source>Inflow quality grade</source>
        <translation>流入质量等别</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance_table.py" line="145"/>
        <source>Quality not worse</source>
        <translation>质量不降低</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance_table.py" line="146"/>
        <source>Progress (%)</source>
        <translation>整改进度（%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance_table.py" line="147"/>
        <source>Balanced</source>
        <translation>是否平衡</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="33"/>
        <source>outflow</source>
        <translation>流出</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="33"/>
        <source>inflow</source>
        <translation>流入</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="51"/>
        <source>county</source>
        <translation>县（区）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="51"/>
        <source>township</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="31"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="31"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="166"/>
        <source>Balance ledger</source>
        <translation>进出平衡台账</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="165"/>
        <source>Checked patches</source>
        <translation>图斑核查结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="208"/>
        <source>Feature id</source>
        <translation>要素编号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="71"/>
        <source>balanced</source>
        <translation>已平衡</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="80"/>
        <source>quality {} → {}</source>
        <translation>质量等别 {} → {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/plugin.py" line="66"/>
        <source>Cultivated-land balance</source>
        <translation>耕地进出平衡</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="69"/>
        <source>All directions</source>
        <translation>全部流向</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="130"/>
        <source>Cultivated-land balance results</source>
        <translation>耕地进出平衡核查结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="138"/>
        <source>Choose the outflow and the inflow patch layers.</source>
        <translation>请选择耕地流出和流入图斑图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="109"/>
        <source>Cultivated-land outflow and inflow balance</source>
        <translation>耕地进出平衡核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="112"/>
        <source>Checks cultivated-land outflow patches (fail on permanent basic farmland, warn where the baseline survey shows no cultivated land) and inflow patches (fail on land already cultivated, in the ecological red line, or overlapping another patch; warn inside the development boundary or below the minimum area), checks explicit pairings, and balances each county and year: outflow, restored, to balance, valid inflow, surplus or deficit in mu, area-weighted quality grade (1 best) and rectification progress. Give an outflow and an inflow layer, or one layer with a direction field.</source>
        <translation>核查耕地流出图斑（占用永久基本农田为不通过，基期调查非耕地为预警）和流入图斑（基期已是耕地、位于生态保护红线内或与其他图斑重叠为不通过；位于城镇开发边界内或小于最小面积为预警），核查流出与流入的对应关系，并按县（区）和年度计算进出平衡：流出、就地恢复、需平衡、有效流入、盈余或缺口（亩）、面积加权耕地质量等别（1 等最好）和整改进度。可分别给出流出和流入图层，或给出一个含流向字段的图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="124"/>
        <source>Outflow patches</source>
        <translation>耕地流出图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="127"/>
        <source>Inflow patches</source>
        <translation>耕地流入图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="130"/>
        <source>Outflow and inflow patches in one layer</source>
        <translation>流出和流入图斑（同一图层）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="135"/>
        <source>Direction field (流出/流入)</source>
        <translation>流向字段（流出/流入）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="141"/>
        <source>Cultivated share that counts as cultivated in the baseline (%)</source>
        <translation>基期计为耕地的耕地占比（%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="151"/>
        <source>Minimum inflow patch (mu)</source>
        <translation>流入图斑最小面积（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="197"/>
        <source>Layer “{}” needs a direction field (流出/流入) to tell outflow from inflow.</source>
        <translation>图层“{}”需要流向字段（流出/流入）以区分流出和流入。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="204"/>
        <source>Give an outflow layer, an inflow layer, or one layer with a direction field.</source>
        <translation>请给出流出图层、流入图层，或一个含流向字段的图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="73"/>
        <source>unbalanced: inflow quality is worse</source>
        <translation>未平衡：流入质量低于流出</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="75"/>
        <source>unbalanced: area deficit</source>
        <translation>未平衡：面积缺口</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting.py" line="127"/>
        <source>{:.1f}% outside the urban development boundary: a separately sited project (单独选址)</source>
        <translation>{:.1f}% 位于城镇开发边界外：属单独选址项目</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting.py" line="133"/>
        <source>villages inside: {}</source>
        <translation>压占村庄：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting.py" line="135"/>
        <source>villages nearby: {}</source>
        <translation>邻近村庄：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting.py" line="211"/>
        <source>Layer “{}” must hold site polygons or route lines.</source>
        <translation>图层“{}”须为选址面或线路线图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting.py" line="213"/>
        <source>Routes in “{}” need a corridor width greater than 0 m.</source>
        <translation>“{}”中的线路需要大于 0 米的廊道宽度。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting.py" line="260"/>
        <source>Route {}</source>
        <translation>路线{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="170"/>
        <source>Rank</source>
        <translation>排序</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="185"/>
        <source>Permanent farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="205"/>
        <source>Length (m)</source>
        <translation>长度（米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="176"/>
        <source>Inside boundary (%)</source>
        <translation>开发边界内（%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="167"/>
        <source>ha</source>
        <translation>公顷</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="171"/>
        <source>Score (mu of farmland and red line)</source>
        <translation>评分（永久基本农田和生态保护红线亩数）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="174"/>
        <source>Cultivated land by code (mu)</source>
        <translation>分地类耕地（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="177"/>
        <source>Separately sited</source>
        <translation>单独选址</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="178"/>
        <source>Villages inside</source>
        <translation>压占村庄</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="179"/>
        <source>Villages nearby</source>
        <translation>邻近村庄</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="180"/>
        <source>Clear part (m²)</source>
        <translation>无冲突部分（平方米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="181"/>
        <source>Clear part (mu)</source>
        <translation>无冲突部分（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="160"/>
        <source>Criterion</source>
        <translation>比选指标</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/plugin.py" line="67"/>
        <source>Project site selection</source>
        <translation>项目选址</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="280"/>
        <source>Alternative {}</source>
        <translation>方案{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="262"/>
        <source>Select sites or routes in the active layer first.</source>
        <translation>请先在当前图层中选择选址或线路。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="295"/>
        <source>Rename alternative</source>
        <translation>重命名方案</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="295"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_exports.py" line="34"/>
        <source>Sketch or select at least one alternative first.</source>
        <translation>请先绘制或选择至少一个方案。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="279"/>
        <source>Clear parts of the alternatives</source>
        <translation>方案无冲突部分</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="272"/>
        <source>Site alternatives</source>
        <translation>选址方案</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_exports.py" line="52"/>
        <source>Site selection results</source>
        <translation>项目选址结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_exports.py" line="57"/>
        <source>Export comparison</source>
        <translation>导出方案比选</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_exports.py" line="63"/>
        <source>Comparison</source>
        <translation>方案比选</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/site_algorithm.py" line="76"/>
        <source>Project site selection check</source>
        <translation>项目选址核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/site_algorithm.py" line="79"/>
        <source>Checks project sites (polygons) or routes (lines, as corridors of the route corridor width) against permanent basic farmland, the ecological red line, cultivated land, the urban development boundary (outside it a project is separately sited), villages inside and within the village distance, and gives for routes the chainage intervals (K12+300–K12+480) crossing farmland or red line with their length and area (output “Route crossings (chainage)”), the clear part of each site (“Clear parts”), its conflict pieces (“Conflict pieces”), a score (mu of farmland + red line) and the rank of each alternative.</source>
        <translation>核查项目选址（面）或线路（线，按“线路廊道宽度”生成廊道）与永久基本农田、生态保护红线、耕地、城镇开发边界（边界外属单独选址）以及压占和“村庄避让距离”范围内村庄的关系；对线路给出穿越永久基本农田或生态保护红线的桩号区间（如 K12+300–K12+480）及其长度和面积（输出“线路穿越段（桩号）”），给出各方案的无冲突部分（“无冲突部分”）、冲突图斑（“冲突图斑”）、冲突得分（永久基本农田与生态保护红线亩数之和）和排序。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/site_algorithm.py" line="91"/>
        <source>Sites or routes</source>
        <translation>选址或线路</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/site_algorithm.py" line="96"/>
        <source>Alternative name field</source>
        <translation>方案名称字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/site_algorithm.py" line="99"/>
        <source>Route corridor width</source>
        <translation>线路廊道宽度</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/site_algorithm.py" line="104"/>
        <source>Village distance</source>
        <translation>村庄避让距离</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/site_algorithm.py" line="110"/>
        <source>Checked sites</source>
        <translation>选址核查结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="278"/>
        <source>Route crossings</source>
        <translation>线路穿越段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/site_algorithm.py" line="112"/>
        <source>Clear parts</source>
        <translation>无冲突部分</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="199"/>
        <source>Alternative</source>
        <translation>方案</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="79"/>
        <source>Patch number field (TBBH; detected when empty)</source>
        <translation>图斑编号字段（TBBH；留空自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="80"/>
        <source>County code field (XZQDM; detected when empty)</source>
        <translation>县（区）代码字段（XZQDM；留空自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="81"/>
        <source>Township code field (XZDM; detected when empty)</source>
        <translation>乡镇代码字段（XZDM；留空自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="82"/>
        <source>Year field (NF; detected when empty)</source>
        <translation>年度字段（NF；留空自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="83"/>
        <source>Quality grade field (GDDB, 1 best; detected when empty)</source>
        <translation>耕地质量等别字段（GDDB，1 等最好；留空自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="84"/>
        <source>Rectification method field (ZGFS; detected when empty)</source>
        <translation>整改方式字段（ZGFS；留空自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="85"/>
        <source>Exemption reason field (detected when empty)</source>
        <translation>不纳入平衡原因字段（留空自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="86"/>
        <source>Paired outflow patches field (PDLCTBBH; detected when empty)</source>
        <translation>对应流出图斑字段（PDLCTBBH；留空自动识别）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="61"/>
        <source>A4 landscape</source>
        <translation>A4 横向</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="62"/>
        <source>A4 portrait</source>
        <translation>A4 纵向</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="63"/>
        <source>A3 landscape</source>
        <translation>A3 横向</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="64"/>
        <source>A3 portrait</source>
        <translation>A3 纵向</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="87"/>
        <source>Unknown sheet template “{}”.</source>
        <translation>未知的图纸模板“{}”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="171"/>
        <source>Drawn by: ________  Checked by: ________  Date: [% format_date(now(), &apos;yyyy-MM-dd&apos;) %]</source>
        <translation>制图：________  审核：________  日期：[% format_date(now(), 'yyyy-MM-dd') %]</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="251"/>
        <source>Layer “{}” has no subject to put on a sheet.</source>
        <translation>图层“{}”中没有可出图的对象。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="262"/>
        <source>No subject of “{}” matches the selection.</source>
        <translation>图层“{}”中没有符合所选条件的对象。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="269"/>
        <source>Could not export the sheets to “{}”.</source>
        <translation>无法将图纸导出到“{}”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/sheets_algorithm.py" line="32"/>
        <source>Export map sheets</source>
        <translation>导出核查图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/result_inputs.py" line="23"/>
        <source>Result layer of a check</source>
        <translation>核查结果图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/result_inputs.py" line="50"/>
        <source>“Selected features only” is ticked but no feature of “{}” is selected.</source>
        <translation>已勾选“仅选中的要素”，但图层“{}”中没有选中的要素。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/sheets_algorithm.py" line="35"/>
        <source>Exports one map sheet per subject of a check's result layer (the layer a check writes, not its input) to one PDF, or only the selected subjects with “Selected features only”: title (by default named after the check), map of the subject in its check's colours over the protected layers of the project's profile, legend of what is on the map, scale bar, north arrow, CRS note, overview map (the overview layers, by default the project's county boundaries, with the subject marked), results table and sign-off block. Paper A4 or A3, landscape or portrait, or a print-layout template of your own: it needs a map item with the id “map”; items with the ids title, overview, legend, table, crs and signoff are filled when present.</source>
        <translation>将核查结果图层（核查生成的图层，而非其输入图层）的每个核查对象导出为一页核查图，合并为一个 PDF；勾选“仅选中的要素”时只导出选中的对象。每页包括：标题（默认按核查类型命名）、按核查结果着色的核查对象及本工程保护图层配置中的保护图层、图中要素的图例、比例尺、指北针、坐标系说明、鹰眼图（鹰眼图层，默认为本工程的县级行政区界线，并标出核查对象位置）、核查结果表和签署栏。纸张可选 A4 或 A3、横向或纵向，也可使用自己的打印布局模板：模板须有 id 为“map”的地图项；id 为 title、overview、legend、table、crs、signoff 的项存在时将被填写。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/sheets_algorithm.py" line="49"/>
        <source>Paper</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/sheets_algorithm.py" line="60"/>
        <source>Title (empty: named after the check)</source>
        <translation>标题（留空：按核查类型命名）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/sheets_algorithm.py" line="63"/>
        <source>Overview layers (empty: the project&apos;s county boundaries)</source>
        <translation>鹰眼图层（留空：本工程的县级行政区界线）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="198"/>
        <source>Land check map sheet</source>
        <translation>国土空间核查图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/sheets_algorithm.py" line="71"/>
        <source>PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/sheets_algorithm.py" line="103"/>
        <source>{} pages written to {}</source>
        <translation>已将 {} 页写入 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_pack.py" line="123"/>
        <source>Choose at least one subject of “{}” for the field pack.</source>
        <translation>请为外业核查包选择“{}”中的至少一个对象。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="164"/>
        <source>Centre: WGS 84 [% {} %] N, [% {} %] E; GK X [% {} %], Y [% {} %]</source>
        <translation>中心点：WGS 84 北纬 [% {} %]，东经 [% {} %]；高斯坐标 X [% {} %]，Y [% {} %]</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="170"/>
        <source>Conclusion: ____________  Photo nos.: ________  Checked by: ________</source>
        <translation>核查结论：____________  照片编号：________  核查人：________</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="296"/>
        <source>Select a row of the table first.</source>
        <translation>请先在表格中选择一行。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_exports.py" line="101"/>
        <source>Exporting map sheets</source>
        <translation>正在导出核查图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="100"/>
        <source>Field pack…</source>
        <translation>外业核查包…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/field_pack_algorithm.py" line="60"/>
        <source>Field pack folder</source>
        <translation>外业核查包文件夹</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/field_pack_algorithm.py" line="33"/>
        <source>Export field pack</source>
        <translation>导出外业核查包</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/field_pack_algorithm.py" line="36"/>
        <source>Writes a folder for field teams from a check's result layer: a GeoPackage with the subjects (all of them, or the selected ones with “Selected features only”), their conflict pieces and the protected layers of the project's profile clipped to the margin around them, with their styles; a QGIS project that opens it offline (also in QField); and an atlas PDF giving each subject's centre in WGS 84 and Gauss-Krüger coordinates with an empty field-notes form, its overview map showing the project's county boundaries.</source>
        <translation>由核查结果图层生成外业核查文件夹：一个 GeoPackage，含核查对象（全部，或勾选“仅选中的要素”时为选中的对象）、其冲突图斑，以及按“外扩距离”裁剪的本工程保护图层配置中的保护图层，附带样式；一个可离线打开的 QGIS 工程（QField 亦可）；以及一份图集 PDF，每页给出核查对象中心点的 WGS 84 经纬度和高斯-克吕格坐标，并附空白外业记录表，鹰眼图显示本工程的县级行政区界线。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/field_pack_algorithm.py" line="47"/>
        <source>Conflict pieces (optional)</source>
        <translation>冲突图斑（可选）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/field_pack_algorithm.py" line="52"/>
        <source>Margin around the subjects</source>
        <translation>对象周边裁切范围</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="198"/>
        <source>Field check</source>
        <translation>外业核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/field_pack_algorithm.py" line="85"/>
        <source>Field pack written: {}, {}, {} ({} pages)</source>
        <translation>外业核查包已写入：{}、{}、{}（{} 页）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/staging.py" line="23"/>
        <source>Cannot write into the folder “{}”: choose a folder you may write to.</source>
        <translation>无法写入文件夹“{}”：请选择有写入权限的文件夹。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/staging.py" line="34"/>
        <source>Could not write “{}”: close it in other programs first.</source>
        <translation>无法写入“{}”：请先在其他程序中关闭该文件。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/export_report.py" line="48"/>
        <source>The export was canceled; nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_exports.py" line="125"/>
        <source>Exporting the field pack</source>
        <translation>正在导出外业核查包</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="196"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="185"/>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="28"/>
        <source>Outside development boundary</source>
        <translation>城镇开发边界外</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="29"/>
        <source>Inside development boundary</source>
        <translation>城镇开发边界内</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="167"/>
        <source>mu</source>
        <translation>亩</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="93"/>
        <source>The map sheet of the alternative selected in the table</source>
        <translation>表中所选方案的核查图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="97"/>
        <source>One map sheet per alternative</source>
        <translation>每个方案一页核查图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_exports.py" line="83"/>
        <source>Select an alternative in the table first.</source>
        <translation>请先在表中选择一个方案。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="172"/>
        <source>Area basis</source>
        <translation>面积计算方式</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/export.py" line="66"/>
        <source>Could not store the style of “{}” in “{}”.</source>
        <translation>无法将“{}”的样式存入“{}”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/export.py" line="130"/>
        <source>ellipsoidal (CGCS2000)</source>
        <translation>椭球面积（CGCS2000）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/export.py" line="130"/>
        <source>planar</source>
        <translation>平面面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="142"/>
        <source>Coordinate system: {} ({})</source>
        <translation>坐标系：{}（{}）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="145"/>
        <source>areas planar in this coordinate system</source>
        <translation>面积为本坐标系平面面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="146"/>
        <source>areas ellipsoidal on CGCS2000</source>
        <translation>面积为 CGCS2000 椭球面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="91"/>
        <source>“{}” is not a print-layout template (.qpt).</source>
        <translation>“{}”不是打印布局模板（.qpt）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="93"/>
        <source>Template “{}” has no map item with the id “map”.</source>
        <translation>模板“{}”中没有标识为“map”的地图项。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/sheets_algorithm.py" line="52"/>
        <source>Own print-layout template (.qpt, instead of the paper above)</source>
        <translation>自有打印布局模板（.qpt，替代上面的纸张）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="84"/>
        <source>Map sheets of the selected rows, one page each</source>
        <translation>表中所选各行的核查图，每行一页</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="85"/>
        <source>One page per subject the table shows</source>
        <translation>表中显示的每个对象一页</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="22"/>
        <source>Location</source>
        <translation>坐落</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="23"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="26"/>
        <source>Reserve area (mu)</source>
        <translation>储备面积（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="34"/>
        <source>Inspection date</source>
        <translation>巡查日期</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="35"/>
        <source>Temporary use</source>
        <translation>临时用途</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="36"/>
        <source>Temporary use from</source>
        <translation>临时使用起始日期</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="37"/>
        <source>Temporary use until</source>
        <translation>临时使用截止日期</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="38"/>
        <source>Planned use</source>
        <translation>规划用途</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="39"/>
        <source>Supply state</source>
        <translation>供应状态</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="41"/>
        <source>Grid keeper</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="43"/>
        <source>County code</source>
        <translation>县（区）代码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="45"/>
        <source>Township code</source>
        <translation>乡镇（街道）代码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="48"/>
        <source>Monitoring number</source>
        <translation>监测图斑编号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="49"/>
        <source>Land-use code before</source>
        <translation>变化前地类编码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="50"/>
        <source>Land use before</source>
        <translation>变化前地类名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="51"/>
        <source>Land-use code after</source>
        <translation>变化后地类编码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="52"/>
        <source>Land use after</source>
        <translation>变化后地类名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="54"/>
        <source>Exemption reason</source>
        <translation>不纳入原因</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="71"/>
        <source>Project name</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="72"/>
        <source>Project class</source>
        <translation>项目类型</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="74"/>
        <source>Identifier</source>
        <translation>标识码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="75"/>
        <source>Feature code</source>
        <translation>要素代码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="76"/>
        <source>Provisional patch number</source>
        <translation>图斑预编号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="67"/>
        <source>Land-use code</source>
        <translation>地类编码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="79"/>
        <source>Land-use name</source>
        <translation>地类名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="80"/>
        <source>Ownership type</source>
        <translation>权属性质</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="81"/>
        <source>Owner code</source>
        <translation>权属单位代码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="82"/>
        <source>Owner</source>
        <translation>权属单位名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="83"/>
        <source>Location unit code</source>
        <translation>坐落单位代码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="84"/>
        <source>Location unit</source>
        <translation>坐落单位名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="85"/>
        <source>Patch area (m²)</source>
        <translation>图斑面积（平方米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="86"/>
        <source>Deducted land-use code</source>
        <translation>扣除地类编码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="87"/>
        <source>Deduction coefficient</source>
        <translation>扣除地类系数</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="88"/>
        <source>Deducted area (m²)</source>
        <translation>扣除地类面积（平方米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="89"/>
        <source>Net land-use area (m²)</source>
        <translation>图斑地类面积（平方米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="90"/>
        <source>Cultivated land type</source>
        <translation>耕地类型</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="91"/>
        <source>Slope grade</source>
        <translation>耕地坡度级别</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="92"/>
        <source>Linear feature width (m)</source>
        <translation>线状地物宽度（米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="93"/>
        <source>Refinement code</source>
        <translation>图斑细化代码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="94"/>
        <source>Refinement</source>
        <translation>图斑细化名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="95"/>
        <source>Planting code</source>
        <translation>种植属性代码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="96"/>
        <source>Planting</source>
        <translation>种植属性名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="98"/>
        <source>Enclave</source>
        <translation>飞入地标识</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="99"/>
        <source>Settlement code</source>
        <translation>城镇村属性码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="100"/>
        <source>Data year</source>
        <translation>数据年份</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="101"/>
        <source>Description</source>
        <translation>描述说明</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="102"/>
        <source>Remarks</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="192"/>
        <source>{} ({})</source>
        <translation>{}（{}）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="69"/>
        <source>Layer “{}” is not the result of a check: run a check on it first (land-reserve parcels, cultivated-land balance, site selection or overlap check) and use the checked layer it writes.</source>
        <translation>图层“{}”不是核查结果：请先对其运行核查（储备土地、耕地进出平衡、项目选址或叠加分析），再使用核查生成的结果图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="81"/>
        <source>Land-reserve check map</source>
        <translation>储备土地核查图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="82"/>
        <source>Cultivated-land balance check map</source>
        <translation>耕地进出平衡核查图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="83"/>
        <source>Project site check map</source>
        <translation>项目选址核查图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="84"/>
        <source>Route selection check map</source>
        <translation>线路选址核查图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="85"/>
        <source>Protected-layer overlap map</source>
        <translation>保护图层叠加分析图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="92"/>
        <source>Land-reserve field check</source>
        <translation>储备土地外业核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="93"/>
        <source>Cultivated-land balance field check</source>
        <translation>耕地进出平衡外业核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="94"/>
        <source>Project site field check</source>
        <translation>项目选址外业核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="95"/>
        <source>Route field check</source>
        <translation>线路选址外业核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="96"/>
        <source>Overlap field check</source>
        <translation>叠加分析外业核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="104"/>
        <source>Outflow and inflow patches</source>
        <translation>流出流入图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="105"/>
        <source>Site alternative</source>
        <translation>选址方案</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="106"/>
        <source>Route alternative</source>
        <translation>线路方案</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="107"/>
        <source>Checked subjects</source>
        <translation>核查对象</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_subjects.py" line="136"/>
        <source>Site and route alternatives</source>
        <translation>选址和线路方案</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_map.py" line="238"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_map.py" line="246"/>
        <source>Protected layers</source>
        <translation>保护图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="77"/>
        <source>Results</source>
        <translation>核查结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="79"/>
        <source>Status: {}</source>
        <translation>状态：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="83"/>
        <source>Area {} m² = {} ha</source>
        <translation>面积 {} 平方米，合 {} 公顷</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="241"/>
        <source>{}: {}</source>
        <translation>{}：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="114"/>
        <source>Item</source>
        <translation>核查项</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="133"/>
        <source>{} mu</source>
        <translation>{} 亩</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs_names.py" line="51"/>
        <source>, easting without zone number</source>
        <translation>，横坐标不含带号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs_names.py" line="46"/>
        <source>{} 3-degree Gauss-Krüger zone {} (central meridian {}°E)</source>
        <translation>{} 3度带高斯-克吕格投影 第{}带（中央经线 {}°E）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs_names.py" line="46"/>
        <source>{} 6-degree Gauss-Krüger zone {} (central meridian {}°E)</source>
        <translation>{} 6度带高斯-克吕格投影 第{}带（中央经线 {}°E）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs_names.py" line="59"/>
        <source>CGCS2000 geographic coordinates</source>
        <translation>CGCS2000 地理坐标</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs_names.py" line="60"/>
        <source>WGS 84 geographic coordinates</source>
        <translation>WGS 84 地理坐标</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs_names.py" line="61"/>
        <source>Xian 1980 geographic coordinates</source>
        <translation>西安1980 地理坐标</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/crs_names.py" line="62"/>
        <source>Beijing 1954 geographic coordinates</source>
        <translation>北京1954 地理坐标</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheets.py" line="179"/>
        <source>m</source>
        <translation>米</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="200"/>
        <source>Crossed</source>
        <translation>穿越类型</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="201"/>
        <source>From chainage</source>
        <translation>起点桩号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="202"/>
        <source>To chainage</source>
        <translation>终点桩号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="203"/>
        <source>From (m along the route)</source>
        <translation>起点里程（米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="204"/>
        <source>To (m along the route)</source>
        <translation>终点里程（米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="206"/>
        <source>Area (m²)</source>
        <translation>面积（平方米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="215"/>
        <source>Crossing chainage</source>
        <translation>穿越桩号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="24"/>
        <source>Garden land</source>
        <translation>园地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="25"/>
        <source>Forest land</source>
        <translation>林地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="26"/>
        <source>Grassland</source>
        <translation>草地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="27"/>
        <source>Commercial and service land</source>
        <translation>商业服务业用地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="28"/>
        <source>Industrial and mining land</source>
        <translation>工矿用地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="29"/>
        <source>Residential land</source>
        <translation>住宅用地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="30"/>
        <source>Public administration and service land</source>
        <translation>公共管理与公共服务用地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="31"/>
        <source>Special-use land</source>
        <translation>特殊用地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="32"/>
        <source>Transport land</source>
        <translation>交通运输用地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="33"/>
        <source>Water and water-conservancy land</source>
        <translation>水域及水利设施用地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="34"/>
        <source>Other land</source>
        <translation>其他土地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="35"/>
        <source>Wetland</source>
        <translation>湿地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="46"/>
        <source>On permanent basic farmland</source>
        <translation>占用永久基本农田</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="47"/>
        <source>In the ecological red line</source>
        <translation>位于生态保护红线内</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="48"/>
        <source>On cultivated land</source>
        <translation>占用耕地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="49"/>
        <source>Outside the development boundary</source>
        <translation>城镇开发边界外</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="50"/>
        <source>Overlapping another parcel</source>
        <translation>与其他地块重叠</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="53"/>
        <source>Crossing of permanent basic farmland</source>
        <translation>穿越永久基本农田段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="54"/>
        <source>Crossing of the ecological red line</source>
        <translation>穿越生态保护红线段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="56"/>
        <source>Violation</source>
        <translation>违规</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="57"/>
        <source>Outflow</source>
        <translation>流出</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="57"/>
        <source>Inflow</source>
        <translation>流入</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="87"/>
        <source>no such style file</source>
        <translation>样式文件不存在</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="91"/>
        <source>Style {} not applied to {}: {}</source>
        <translation>样式 {} 未能应用于图层“{}”：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/outputs.py" line="132"/>
        <source>Field “{}” of “{}” is kept as “{}”: the check writes a field of that name.</source>
        <translation>“{1}”的字段“{0}”改名为“{2}”保留：核查结果使用同名字段。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="91"/>
        <source>No protected layer is given: a check against nothing would report no conflict. Give at least one (permanent basic farmland, ecological red line, development boundary, land-use survey, villages, mineral resources or further layers), or save the project's protected-layer profile (保护图层配置) and open this dialog again: it then starts from the profile.</source>
        <translation>未指定任何保护图层：不对照任何图层的核查不会报告任何冲突。请至少指定一个（永久基本农田、生态保护红线、城镇开发边界、国土调查地类图斑、村庄、压覆矿产或其他图层），或先保存本工程的保护图层配置，再重新打开本对话框：对话框将按配置预填。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="144"/>
        <source>The protected layers start from the project's protected-layer profile (保护图层配置); at least one is needed. The checked layer keeps every field of the input and adds the check's own; the further outputs are optional.</source>
        <translation>保护图层按本工程的保护图层配置预填，至少需要一个。核查结果图层保留输入图层的全部字段，并追加核查字段；其余输出均为可选。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/site_algorithm.py" line="111"/>
        <source>Route crossings (chainage)</source>
        <translation>线路穿越段（桩号）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="148"/>
        <source>{}; {}</source>
        <translation>{}；{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="47"/>
        <source>parcels failing</source>
        <translation>不通过地块</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="47"/>
        <source>parcels with warnings</source>
        <translation>预警地块</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="69"/>
        <source>nothing to balance</source>
        <translation>无需平衡</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="76"/>
        <source>outflow {} · to balance {} · inflow {} mu</source>
        <translation>流出 {} · 需平衡 {} · 流入 {} 亩</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="79"/>
        <source>balance {} mu</source>
        <translation>差额 {} 亩</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/cards.py" line="83"/>
        <source>progress {}%</source>
        <translation>进度 {}%</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="269"/>
        <source>point</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="269"/>
        <source>line</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="269"/>
        <source>polygon</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="270"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="139"/>
        <source>Parcel (mapped)</source>
        <translation>地块（图上面积）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="140"/>
        <source>Recorded in the ledger</source>
        <translation>台账记载面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="144"/>
        <source>Cultivated land net of ridges</source>
        <translation>耕地（扣除田坎）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="190"/>
        <source>Patch</source>
        <translation>图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="194"/>
        <source>Cultivated in baseline</source>
        <translation>基期耕地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="203"/>
        <source>Paired patches</source>
        <translation>对应图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="217"/>
        <source>rank {}</source>
        <translation>排序第 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="224"/>
        <source>Site or corridor</source>
        <translation>选址或线路廊道</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="37"/>
        <source>Clear part</source>
        <translation>无冲突部分</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="248"/>
        <source>Crossings by chainage</source>
        <translation>穿越桩号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="248"/>
        <source>{} m, {} mu</source>
        <translation>{} 米，{} 亩</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="268"/>
        <source>{} m²</source>
        <translation>{} 平方米</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="272"/>
        <source>{} ha</source>
        <translation>{} 公顷</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="277"/>
        <source> ({})</source>
        <translation>（{}）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="306"/>
        <source>Other reserve parcel</source>
        <translation>其他储备地块</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="320"/>
        <source>No finding.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="323"/>
        <source>Areas</source>
        <translation>面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="332"/>
        <source>… and {} more</source>
        <translation>……另有 {} 处</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/row_details.py" line="333"/>
        <source>Protected features in conflict</source>
        <translation>冲突的保护要素</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="26"/>
        <source>1 is best: least farmland and red line, then cultivated land, villages, length or area</source>
        <translation>1 为最优：先比永久基本农田和生态保护红线最少，再比耕地、村庄、长度或面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="30"/>
        <source>Area of the site or route corridor (mu)</source>
        <translation>选址或线路廊道面积（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="31"/>
        <source>Length of the route&apos;s centre line (m)</source>
        <translation>线路中心线长度（米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="32"/>
        <source>Farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="32"/>
        <source>Permanent basic farmland occupied (mu)</source>
        <translation>占用永久基本农田（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting_table.py" line="185"/>
        <source>Red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="33"/>
        <source>Ecological red line entered (mu)</source>
        <translation>进入生态保护红线（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="34"/>
        <source>Cultivated</source>
        <translation>耕地</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="34"/>
        <source>Cultivated land occupied (mu): needs compensation (占补平衡)</source>
        <translation>占用耕地（亩）：须落实占补平衡</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="35"/>
        <source>Boundary %</source>
        <translation>开发边界内%</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="35"/>
        <source>Share inside the urban development boundary (%)</source>
        <translation>位于城镇开发边界内的比例（%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="36"/>
        <source>Villages inside / villages within the village distance</source>
        <translation>压占村庄数 / 避让距离内村庄数</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="37"/>
        <source>Part clear of farmland and red line (mu)</source>
        <translation>扣除永久基本农田和生态保护红线后的无冲突部分（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/site_comparison.py" line="75"/>
        <source>best alternative</source>
        <translation>推荐方案</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="79"/>
        <source>Map sheets…</source>
        <translation>核查图…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="96"/>
        <source>Atlas…</source>
        <translation>批量出图…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="81"/>
        <source>Field pack (外业核查包): the selected rows, or every row the table shows when none is selected</source>
        <translation>外业核查包：表中所选各行；未选择时为表中显示的全部行</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="392"/>
        <source>Not run yet</source>
        <translation>尚未核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="195"/>
        <source>Not run</source>
        <translation>未完成核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="195"/>
        <source>Earlier results shown</source>
        <translation>显示的是上次结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="202"/>
        <source>Check done</source>
        <translation>核查完成</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="229"/>
        <source>{}: {} results</source>
        <translation>{}：{} 条结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="245"/>
        <source>Run the check, then select a row to read its findings here.</source>
        <translation>开始核查后，选择表中一行即可在此查看核查问题。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="247"/>
        <source>Select a row to read its findings, areas and conflicting features here.</source>
        <translation>选择表中一行，在此查看其核查问题、面积和冲突要素。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="194"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="248"/>
        <source>Save the profile?</source>
        <translation>保存保护图层配置？</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="249"/>
        <source>The profile shows problems. A check may then refuse to run, or miss conflicts:</source>
        <translation>配置中存在问题，核查可能因此无法运行或漏报冲突：</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="251"/>
        <source>Save anyway</source>
        <translation>仍然保存</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.py" line="252"/>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="92"/>
        <source>Map sheet…</source>
        <translation>核查图…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="101"/>
        <source>Field pack (外业核查包) of every alternative</source>
        <translation>全部方案的外业核查包</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="288"/>
        <source>Already in the comparison, not added again: {}.</source>
        <translation>已在比选中，未重复添加：{}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="320"/>
        <source>Draw a site or a route (left click adds a vertex, right click finishes), or use the selected features of the active layer: each is checked at once.</source>
        <translation>绘制选址或线路（左键添加节点，右键结束），或使用当前图层的选中要素：每个方案即时核查。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="325"/>
        <source>Click an alternative to see it on the map and read its details here.</source>
        <translation>点击一个方案，在地图上查看并在此阅读详情。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="278"/>
        <source>outflow on permanent basic farmland {}: must be restored in place</source>
        <translation>永久基本农田流出 {}：须就地恢复</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="297"/>
        <source>not new cultivated land: {} already cultivated in the baseline</source>
        <translation>非新增耕地：基期已是耕地 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="303"/>
        <source>in the ecological red line {}</source>
        <translation>位于生态保护红线内 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="307"/>
        <source>inside the urban development boundary {}</source>
        <translation>位于城镇开发边界内 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="327"/>
        <source>overlaps inflow patch {} by {} (double counting)</source>
        <translation>与流入图斑 {} 重叠 {}（重复计算）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="331"/>
        <source>overlaps outflow patch {} by {} (double counting)</source>
        <translation>与流出图斑 {} 重叠 {}（重复计算）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/balance.py" line="354"/>
        <source>paired valid inflow {} does not cover the outflow {}</source>
        <translation>对应的有效流入 {} 不足以平衡流出 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/codes.py" line="74"/>
        <source>Layer “{}”, field {}: {} codes had lost their leading zero (such as {} → {}) and were read zero-padded; features {}.</source>
        <translation>图层“{}”，字段 {}：{} 个地类编码丢失了前导零（如 {} → {}），已按补零读取；要素 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/codes.py" line="78"/>
        <source>Store land-use codes as text with their leading zeros (0103), e.g. when a table passed through Excel.</source>
        <translation>地类编码应以文本保存并保留前导零（0103），例如经 Excel 转存的表格。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/codes.py" line="97"/>
        <source>Layer “{}”, field {}: code “{}” is not in the land-use code list; features {}.</source>
        <translation>图层“{}”，字段 {}：编码“{}”不在地类编码表中；要素 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/codes.py" line="100"/>
        <source>It counts as no known land class (not cultivated); correct the code if it is a typing error.</source>
        <translation>该编码不计入任何已知地类（不算耕地）；如为录入错误请更正。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/codes.py" line="111"/>
        <source>Layer “{}”, field {}: features {} have no land-use code.</source>
        <translation>图层“{}”，字段 {}：要素 {} 没有地类编码。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/codes.py" line="114"/>
        <source>They count as no known land class (not cultivated).</source>
        <translation>这些要素不计入任何已知地类（不算耕地）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/columns.py" line="56"/>
        <source> … ({} in all)</source>
        <translation> …（共 {} 个）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="39"/>
        <source>Set the layer&apos;s CRS to the one its data were delivered in and run again.</source>
        <translation>请将图层坐标系设为数据交付时的坐标系后重新运行。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="40"/>
        <source>The coordinates fit {}: set the layer's CRS to it (Layer Properties ▸ Source) and run again.</source>
        <translation>坐标符合 {}：请将图层坐标系设为该坐标系（图层属性 ▸ 源）后重新运行。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="68"/>
        <source>The coordinates are degrees: EPSG:4490 (CGCS2000) or EPSG:4326 (WGS 84).</source>
        <translation>坐标为经纬度：EPSG:4490（CGCS2000）或 EPSG:4326（WGS 84）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="70"/>
        <source>The coordinates are Gauss–Krüger metres without zone prefix: most of Liaocheng is in EPSG:4548 (CM 117°E), its west in EPSG:4547 (CM 114°E).</source>
        <translation>坐标为不带带号的高斯-克吕格米制坐标：聊城大部分位于 EPSG:4548（中央经线 117°E），西部位于 EPSG:4547（中央经线 114°E）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="91"/>
        <source>Layer “{}” has no coordinate reference system.</source>
        <translation>图层“{}”没有坐标参考系。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="112"/>
        <source>Layer “{}” is in {}, but its longitudes and latitudes are swapped (latitudes above 90°).</source>
        <translation>图层“{}”坐标系为 {}，但其经度和纬度颠倒（纬度大于 90°）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="113"/>
        <source>Swap the X and Y columns of the data (X = longitude, Y = latitude) and load it again.</source>
        <translation>请对调数据的 X、Y 列（X = 经度，Y = 纬度）后重新加载。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="115"/>
        <source>Layer “{}” is declared {}, in degrees, but its coordinates such as {} are metres.</source>
        <translation>图层“{}”声明为 {}（单位为度），但其坐标（如 {}）是米制坐标。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="118"/>
        <source>X and Y are swapped as well (X holds the northing): swap them, then set the CRS.</source>
        <translation>X、Y 也已颠倒（X 为北坐标）：请先对调，再设置坐标系。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="133"/>
        <source>Layer “{}” has its X and Y swapped: X holds northings (such as {:,.0f}) and Y eastings (such as {:,.0f}).</source>
        <translation>图层“{}”的 X、Y 颠倒：X 为北坐标（如 {:,.0f}），Y 为东坐标（如 {:,.0f}）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="136"/>
        <source>A surveyor&apos;s X is the northing: swap the X and Y columns of the data and load it again.</source>
        <translation>测量坐标中 X 为北坐标：请对调数据的 X、Y 列后重新加载。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="142"/>
        <source>Layer “{}” is declared {}, whose eastings have no zone prefix, but its eastings such as {:,.0f} carry the prefix {}.</source>
        <translation>图层“{}”声明为 {}（东坐标不带带号），但其东坐标（如 {:,.0f}）带有带号 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="149"/>
        <source>Layer “{}” is declared {}, whose eastings carry the zone prefix {}, but its eastings such as {:,.0f} have none.</source>
        <translation>图层“{}”声明为 {}（东坐标带带号 {}），但其东坐标（如 {:,.0f}）不带带号。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="156"/>
        <source>Layer “{}” is declared {}, but its eastings such as {:,.0f} carry the prefix of zone {}.</source>
        <translation>图层“{}”声明为 {}，但其东坐标（如 {:,.0f}）带有第 {} 带的带号。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="182"/>
        <source>Layer “{}”: its coordinates such as {} cannot be placed on the earth in {}.</source>
        <translation>图层“{}”：其坐标（如 {}）在 {} 中无法落到地球上。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/crs_rules.py" line="189"/>
        <source>Layer “{}” lies at {}°E, {}°N, outside the area where {} is used ({}°E).</source>
        <translation>图层“{}”位于东经 {}°、北纬 {}°，超出 {} 的适用范围（东经 {}°）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/deduction.py" line="41"/>
        <source>Layer “{}”, field {}: every value lies between 1 and 100 (such as {:g}): read as percentages ({:g} → {:g}).</source>
        <translation>图层“{}”，字段 {}：所有数值均在 1 到 100 之间（如 {:g}）：已按百分数读取（{:g} → {:g}）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/deduction.py" line="45"/>
        <source>KCXS is a fraction in [0, 1); store 0.0827 rather than 8.27.</source>
        <translation>扣除地类系数应为 [0, 1) 内的小数：应存 0.0827 而非 8.27。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/deduction.py" line="48"/>
        <source>KCXS must be a fraction in [0, 1) (e.g. 0.0827); correct these values in the source data.</source>
        <translation>扣除地类系数须为 [0, 1) 内的小数（如 0.0827）；请在源数据中更正这些数值。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/deduction.py" line="52"/>
        <source>Layer “{}”, field {}, feature {}: {} is not a deduction coefficient in [0, 1).</source>
        <translation>图层“{}”，字段 {}，要素 {}：{} 不是 [0, 1) 内的扣除系数。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/deduction.py" line="72"/>
        <source>TBDLMJ = TBMJ × (1 − KCXS): it lies between 0 and TBMJ; the checks measure areas themselves.</source>
        <translation>图斑地类面积 = 图斑面积 ×（1 − 扣除系数），应在 0 与图斑面积之间；核查自行量算面积。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/deduction.py" line="75"/>
        <source>Layer “{}”, feature {}: {} {:.2f} m² is not between 0 and {} {:.2f} m².</source>
        <translation>图层“{}”，要素 {}：{} {:.2f} 平方米不在 0 与 {} {:.2f} 平方米之间。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/encoding.py" line="201"/>
        <source>Layer “{}” is a shapefile without .cpg whose text is not {}: it was read as {}.</source>
        <translation>图层“{}”是缺少 .cpg 的 Shapefile，其文本不是 {}：已按 {} 读取。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/encoding.py" line="204"/>
        <source>Add a file “{}” holding {} next to the shapefile so every program reads it right.</source>
        <translation>请在 Shapefile 旁添加内容为 {1} 的文件“{0}”，使各软件都能正确读取。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/encoding.py" line="209"/>
        <source>Layer “{}”: its .cpg declares {}, but its text is {}; names may read garbled.</source>
        <translation>图层“{}”：其 .cpg 声明为 {}，但文本实为 {}；名称可能显示为乱码。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/encoding.py" line="212"/>
        <source>Correct the .cpg file to {}.</source>
        <translation>请将 .cpg 文件改为 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/encoding.py" line="215"/>
        <source>Layer “{}”, field {}: text of features {} decodes in no known encoding.</source>
        <translation>图层“{}”，字段 {}：要素 {} 的文本无法以任何已知编码解码。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/encoding.py" line="218"/>
        <source>Those values show as garbled characters; correct them in the source data.</source>
        <translation>这些值会显示为乱码；请在源数据中更正。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="199"/>
        <source>Layer “{}”: features {} have no geometry (or an unusable one) and count nowhere.</source>
        <translation>图层“{}”：要素 {} 没有几何（或几何不可用），不参与任何统计。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="36"/>
        <source>Layer “{}”: features {} have no geometry (or an unusable one) and cannot be checked.</source>
        <translation>图层“{}”：要素 {} 没有几何（或几何不可用），无法核查。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="202"/>
        <source>Draw or repair these features, or delete them from the layer.</source>
        <translation>请补绘或修复这些要素，或将其从图层中删除。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="65"/>
        <source>Layer “{}”, feature {}: its checked area is 0 m²; no figure can rest on it.</source>
        <translation>图层“{}”，要素 {}：核查面积为 0 平方米，无法据此给出任何数字。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="71"/>
        <source>Layer “{}”, feature {}: the route has no length (one point, or all its points alike).</source>
        <translation>图层“{}”，要素 {}：该线路长度为零（只有一个点，或所有点重合）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/self_overlaps.py" line="39"/>
        <source>The checks count shared area once; correct the layer so its features tile without overlaps.</source>
        <translation>核查对重叠面积只计一次；请修正图层，使图斑之间互不重叠。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/self_overlaps.py" line="40"/>
        <source>Layer “{}”: {} pairs of features overlap each other (more than {:g} m² each), {} in all.</source>
        <translation>图层“{}”：有 {} 对要素相互重叠（每对超过 {:g} 平方米），共 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/self_overlaps.py" line="48"/>
        <source>Layer “{}”: features {} and {} overlap by {}.</source>
        <translation>图层“{}”：要素 {} 与 {} 重叠 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="45"/>
        <source>Layer “{}” holds {} geometries and cannot serve as {}.</source>
        <translation>图层“{}”的几何类型为{}，不能用作{}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="48"/>
        <source>Choose a layer with {} geometries for this role.</source>
        <translation>请为该角色选择几何类型为{}的图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="89"/>
        <source>Layer “{}” lies {:.0f} km from the nearest protected layer (“{}”) and can meet none of their features.</source>
        <translation>图层“{0}”距最近的保护图层（“{2}”）{1:.0f} 公里，不可能与其任何要素相交。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="92"/>
        <source>A CRS is wrong (of this layer or of the protected layers), or the protected layers do not cover this area.</source>
        <translation>某个坐标系有误（本图层或保护图层），或保护图层未覆盖该区域。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/recorded_areas.py" line="63"/>
        <source>Layer “{}”, field {}: {} of {} features differ from the computed ellipsoidal area by more than {:g} % and {:g} m²; features {}.</source>
        <translation>图层“{}”，字段 {}：{} 个要素（共 {} 个）与计算的椭球面积相差超过 {:g}% 且超过 {:g} 平方米；要素 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/recorded_areas.py" line="75"/>
        <source>The checks measure areas themselves; a large difference may mean a wrong CRS or edited geometries.</source>
        <translation>核查自行量算面积；差异较大可能意味着坐标系有误或几何被修改过。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/recorded_areas.py" line="79"/>
        <source>Layer “{}”, feature {}: {} {:.2f} m², computed {:.2f} m² ({:+.2f} %).</source>
        <translation>图层“{}”，要素 {}：{} {:.2f} 平方米，计算值 {:.2f} 平方米（{:+.2f}%）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="76"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="132"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="64"/>
        <source>Conflict</source>
        <translation>冲突类型</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="65"/>
        <source>Protected feature id</source>
        <translation>保护要素编号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="66"/>
        <source>Protected feature</source>
        <translation>保护要素</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="78"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="79"/>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="80"/>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/output_fields.py" line="81"/>
        <source>What to do</source>
        <translation>处理建议</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="141"/>
        <source>Data check warnings</source>
        <translation>数据体检提示</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="146"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="146"/>
        <source>fixed</source>
        <translation>已修正</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="152"/>
        <source>no CRS</source>
        <translation>缺少坐标系</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="153"/>
        <source>CRS unit</source>
        <translation>坐标单位</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="154"/>
        <source>CRS area of use</source>
        <translation>坐标系适用范围</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="155"/>
        <source>zone prefix</source>
        <translation>带号</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="156"/>
        <source>X/Y swapped</source>
        <translation>X/Y 颠倒</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="157"/>
        <source>far from protected layers</source>
        <translation>远离保护图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="158"/>
        <source>geometry type</source>
        <translation>几何类型</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="159"/>
        <source>text encoding</source>
        <translation>文本编码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="160"/>
        <source>garbled text</source>
        <translation>乱码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="161"/>
        <source>web-map frame</source>
        <translation>网络地图坐标</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="162"/>
        <source>code lost leading zero</source>
        <translation>编码丢失前导零</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="163"/>
        <source>unknown land-use code</source>
        <translation>未知地类编码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="164"/>
        <source>KCXS as percentage</source>
        <translation>扣除系数为百分数</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="165"/>
        <source>KCXS out of range</source>
        <translation>扣除系数超出范围</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="166"/>
        <source>net area</source>
        <translation>地类面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="167"/>
        <source>recorded area</source>
        <translation>图斑面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="21"/>
        <source>no geometry</source>
        <translation>缺少几何</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="23"/>
        <source>unknown geometry</source>
        <translation>未知几何</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="29"/>
        <source>self-intersection</source>
        <translation>自相交</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="30"/>
        <source>ring self-intersection</source>
        <translation>环自相交</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="31"/>
        <source>too few points</source>
        <translation>点数过少</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="32"/>
        <source>hole outside its polygon</source>
        <translation>内环位于外环之外</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="33"/>
        <source>holes inside holes</source>
        <translation>内环嵌套</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="34"/>
        <source>interior split in two</source>
        <translation>内部被分割</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="35"/>
        <source>polygon inside another part</source>
        <translation>外环嵌套</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="36"/>
        <source>duplicate rings</source>
        <translation>重复的环</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="37"/>
        <source>invalid coordinate</source>
        <translation>无效坐标</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="38"/>
        <source>ring not closed</source>
        <translation>环未闭合</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="50"/>
        <source>at {}, {}</source>
        <translation>位于 {}, {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="57"/>
        <source>It is not valid JSON: line {}, column {}.</source>
        <translation>不是有效的 JSON：第 {} 行第 {} 列。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/foreign_texts.py" line="58"/>
        <source>It holds JSON, but not the object a profile export writes (with “roles” and “others”).</source>
        <translation>文件是 JSON，但不是保护图层配置导出的内容（应含“roles”和“others”）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="169"/>
        <source>zero area</source>
        <translation>面积为零</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="171"/>
        <source>overlapping features</source>
        <translation>要素相互重叠</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/data_check_panel.py" line="67"/>
        <source>The input check found nothing to report.</source>
        <translation>数据体检未发现问题。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/sheet_text.py" line="36"/>
        <source>Data check</source>
        <translation>数据体检</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="123"/>
        <source>Layer “{}” is in longitude/latitude ({}). If it was drawn on a Chinese web map it lies beside its true place: here about {} (GCJ-02: AMap, Tencent) or {} (BD-09: Baidu).</source>
        <translation>图层“{}”为经纬度坐标（{}）。如果是在国内网络地图上绘制的，它会偏离真实位置：在此处约为{}（GCJ-02：高德、腾讯）或{}（BD-09：百度）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="127"/>
        <source>State its coordinate frame (parameter COORDINATE_FRAME, or the choice in the panel).</source>
        <translation>请说明其坐标框架（参数 COORDINATE_FRAME，或面板中的选项）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="131"/>
        <source>Layer “{}” is in {}: the frame {} applies only to longitude/latitude layers.</source>
        <translation>图层“{}”坐标系为 {}：坐标框架“{}”只适用于经纬度图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="134"/>
        <source>Choose “WGS 84 / CGCS2000” or “Not stated” for a projected layer.</source>
        <translation>投影坐标图层请选择“WGS 84 / CGCS2000”或“未说明”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="138"/>
        <source>Layer “{}” was converted from {} to WGS 84 (moved about {}).</source>
        <translation>图层“{}”已由 {} 转换为 WGS 84（移动约{}）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="146"/>
        <source>{:.0f} m east</source>
        <translation>向东 {:.0f} 米</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="146"/>
        <source>{:.0f} m west</source>
        <translation>向西 {:.0f} 米</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="147"/>
        <source>{:.0f} m north</source>
        <translation>向北 {:.0f} 米</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="147"/>
        <source>{:.0f} m south</source>
        <translation>向南 {:.0f} 米</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="148"/>
        <source>{} and {}</source>
        <translation>{}、{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/web_frames.py" line="45"/>
        <source>Not stated (warn for longitude/latitude layers)</source>
        <translation>未说明（经纬度图层给出提示）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/web_frames.py" line="45"/>
        <source>WGS 84 / CGCS2000 (true positions)</source>
        <translation>WGS 84 / CGCS2000（真实位置）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/web_frames.py" line="45"/>
        <source>GCJ-02 (AMap 高德, Tencent 腾讯)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/web_frames.py" line="45"/>
        <source>BD-09 (Baidu 百度)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="199"/>
        <source>on permanent basic farmland {} ({:.1f}%){}</source>
        <translation>占用永久基本农田 {}（{:.1f}%）{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="199"/>
        <source>in the ecological red line {} ({:.1f}%){}</source>
        <translation>位于生态保护红线内 {}（{:.1f}%）{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="219"/>
        <source>outside the urban development boundary {} ({:.1f}%)</source>
        <translation>位于城镇开发边界外 {}（{:.1f}%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="230"/>
        <source>cultivated land {} ({})</source>
        <translation>含耕地 {}（{}）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="296"/>
        <source>bare land {} without complete {}</source>
        <translation>裸露土地 {}，{}不完整</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/reserve.py" line="316"/>
        <source>overlaps reserve parcel {} by {}</source>
        <translation>与储备地块 {} 重叠 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting.py" line="114"/>
        <source>occupies permanent basic farmland {} ({:.1f}%)</source>
        <translation>占用永久基本农田 {}（{:.1f}%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting.py" line="114"/>
        <source>enters the ecological red line {} ({:.1f}%)</source>
        <translation>进入生态保护红线 {}（{:.1f}%）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting.py" line="121"/>
        <source>occupies cultivated land {}: needs compensation (占补平衡)</source>
        <translation>占用耕地 {}：须落实占补平衡</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="115"/>
        <source>Coordinate frame</source>
        <translation>坐标框架</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.py" line="111"/>
        <source>Sites drawn on a Chinese web map (AMap, Tencent: GCJ-02; Baidu: BD-09) are converted to WGS 84 first.</source>
        <translation>在国内网络地图上绘制的选址（高德、腾讯：GCJ-02；百度：BD-09）先转换为 WGS 84。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_inputs.py" line="81"/>
        <source>Data check (数据体检)</source>
        <translation>数据体检</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_check_algorithm.py" line="41"/>
        <source>Checks a subject layer (optional) and the protected layers the way every check does before it runs, and lists every finding instead of stopping: CRS (unit, area of use, zone prefix, swapped axes, layers far apart), geometry types, shapefile text encodings, web-map frames (GCJ-02, BD-09), land-use codes (lost leading zeros, unknown codes), KCXS (percentages, out of range), TBMJ/TBDLMJ against the computed ellipsoidal area, features without geometry or area, overlapping survey patches. The findings table has one row per finding: layer, feature (empty for the whole layer), rule, severity (error: a check would stop; warning: carried into the results; fixed: read the one safe way, the data are not changed), finding and what to do.</source>
        <translation>按每项核查运行前的方式检查核查对象图层（可选）和保护图层，并列出全部问题而不中止：坐标系（单位、适用范围、带号、X/Y 颠倒、图层相距过远）、几何类型、Shapefile 文本编码、网络地图坐标（GCJ-02、BD-09）、地类编码（丢失前导零、未知编码）、扣除地类系数（百分数、超出范围）、图斑面积/图斑地类面积与计算的椭球面积之差、缺少几何或面积为零的要素、相互重叠的调查图斑。问题表每个问题一行：图层、要素编号（整层问题为空）、规则、级别（错误：核查会中止；预警：写入结果；已修正：按唯一安全的方式读取，数据本身不改动）、问题和处理建议。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_check_algorithm.py" line="53"/>
        <source>Subjects (optional)</source>
        <translation>核查对象（可选）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_check_algorithm.py" line="59"/>
        <source>Data check findings</source>
        <translation>数据体检结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_check_algorithm.py" line="77"/>
        <source>Data check of {} layers: {} errors, {} warnings, {} fixed.</source>
        <translation>已对 {} 个图层进行数据体检：{} 项错误，{} 项预警，{} 项已修正。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_inputs.py" line="69"/>
        <source>Coordinate frame of longitude/latitude subjects</source>
        <translation>经纬度核查对象的坐标框架</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="72"/>
        <source>permanent basic farmland</source>
        <translation>永久基本农田</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="73"/>
        <source>ecological red line</source>
        <translation>生态保护红线</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="74"/>
        <source>urban development boundary</source>
        <translation>城镇开发边界</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="75"/>
        <source>land-use survey (DLTB)</source>
        <translation>国土调查地类图斑（DLTB）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="76"/>
        <source>villages</source>
        <translation>村庄</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/sources.py" line="77"/>
        <source>mineral resources</source>
        <translation>压覆矿产</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_inputs.py" line="115"/>
        <source>subjects</source>
        <translation>核查对象</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_inputs.py" line="126"/>
        <source>zones</source>
        <translation>分区</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_inputs.py" line="134"/>
        <source>a further overlay layer</source>
        <translation>其他叠加图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_inputs.py" line="255"/>
        <source>Data check: {}</source>
        <translation>数据体检：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_inputs.py" line="257"/>
        <source>Data check: … and {} more findings (see the data check table).</source>
        <translation>数据体检：……另有 {} 项（见数据体检表）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/dependency.py" line="29"/>
        <source> (found shapely {})</source>
        <translation>（当前为 shapely {}）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/dependency.py" line="30"/>
        <source>The checks need the Python package shapely 2 or newer, which QGIS&apos;s Python lacks{}. Install it, then restart QGIS. Windows: open the OSGeo4W Shell and run python -m pip install &quot;shapely&gt;=2&quot;. Debian 13 / Ubuntu 24.04 and newer: sudo apt install python3-shapely. Debian 12: sudo apt install libgeos-dev python3-dev, then python3 -m pip install --user --break-system-packages --no-binary shapely &quot;shapely&gt;=2,&lt;3&quot; &quot;numpy&lt;2&quot; (built on QGIS&apos;s own GEOS).</source>
        <translation>核查需要 Python 包 shapely 2 或更新版本，QGIS 的 Python 中没有{}。请安装后重启 QGIS。Windows：打开 OSGeo4W Shell，运行 python -m pip install &quot;shapely&gt;=2&quot;。Debian 13 / Ubuntu 24.04 及更新版本：sudo apt install python3-shapely。Debian 12：先 sudo apt install libgeos-dev python3-dev，再运行 python3 -m pip install --user --break-system-packages --no-binary shapely &quot;shapely&gt;=2,&lt;3&quot; &quot;numpy&lt;2&quot;（基于 QGIS 自带的 GEOS 编译）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/change/detect.py" line="98"/>
        <source>The year of “{}” is unknown: it has no year field (SJNF) and no year in its name. Give the year.</source>
        <translation>图层“{}”的年份不明：既没有年份字段（SJNF），名称中也没有年份。请给出年份。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/change/rules.py" line="65"/>
        <source>occupation</source>
        <translation>建设占用</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="59"/>
        <source>Base land-use code</source>
        <translation>基期地类编码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="60"/>
        <source>Base land use</source>
        <translation>基期地类名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="61"/>
        <source>Current land-use code</source>
        <translation>现状地类编码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="62"/>
        <source>Current land use</source>
        <translation>现状地类名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="66"/>
        <source>Net area (mu)</source>
        <translation>净面积（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/change/table.py" line="175"/>
        <source>Deduction coefficient (KCXS)</source>
        <translation>扣除地类系数（KCXS）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="67"/>
        <source>Base survey patches (BSM)</source>
        <translation>基期图斑（BSM）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="68"/>
        <source>Current survey patches (BSM)</source>
        <translation>现状图斑（BSM）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/change/table.py" line="181"/>
        <source>Patches</source>
        <translation>图斑数</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="187"/>
        <source>Change summary</source>
        <translation>变化图斑汇总</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="261"/>
        <source>Change patches</source>
        <translation>变化图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/styles.py" line="57"/>
        <source>Occupation</source>
        <translation>建设占用</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="101"/>
        <source>Choose the base-year and the current-year survey layers.</source>
        <translation>请选择基期和现状年份的调查图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="104"/>
        <source>Choose two different survey layers: the base year and the current year.</source>
        <translation>请选择两个不同的调查图层：基期和现状年份。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="125"/>
        <source>Comparing the two surveys…</source>
        <translation>正在比对两期调查…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="149"/>
        <source>The extraction was canceled; nothing was written.</source>
        <translation>提取已取消，未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="153"/>
        <source>Extracted</source>
        <translation>提取完成</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="157"/>
        <source>Change patches {}</source>
        <translation>耕地变化图斑 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="163"/>
        <source>Change patches from two surveys</source>
        <translation>两期调查比对结果</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="177"/>
        <source>{} {} patches {} mu</source>
        <translation>{} {} 块 {} 亩</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="181"/>
        <source>Left out: {} slivers, {} patches below the minimum area ({} mu).</source>
        <translation>已舍弃：碎片 {} 处，小于最小上图面积的图斑 {} 块（{} 亩）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="184"/>
        <source>Chosen below as the outflow and inflow patches: run the check.</source>
        <translation>已选为下方的流出和流入图斑，请开始核查。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/balance_algorithm.py" line="180"/>
        <source>Layer “{}” is given as both the outflow and the inflow patches: every patch would count twice. Give it once as INPUT, with its direction field (流出/流入).</source>
        <translation>图层“{}”同时作为流出图斑和流入图斑给出：每个图斑都会被计算两次。请只作为 INPUT 给出一次，并带方向字段（流出/流入）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="95"/>
        <source>Cultivated-land outflow and inflow from two survey years</source>
        <translation>从两期调查提取耕地流出流入</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="98"/>
        <source>Compares the base-year land-use survey (三调 or last year's 年度变更调查) with the current year's and extracts every change patch: cultivated land (0101/0102/0103) turned into orchard, forest, grass, ponds or farm facilities is an outflow (流出), the reverse an inflow (流入), cultivated land turned into construction or other land an occupation (建设占用); a change within cultivated land is none. Connected pieces of the same change inside one township form one patch. Pieces thinner than the sliver width (a moved boundary, not a changed use) and patches below the survey's minimum mapping unit (200 m² construction and facility land, 400 m² farmland, 600 m² other land, or the minimum area given) are left out and counted. Areas are ellipsoidal on CGCS2000 by default; net_mu is net of the cultivated side's KCXS, quality its GDDB; county and township come from the current survey's ZLDWDM. Both surveys get the input check of every check. The patches feed liaocheng:balance_check as they are (its INPUT, direction field found by itself).</source>
        <translation>比对基期土地利用调查（三调或上年度年度变更调查）与现状年份调查，提取每个变化图斑：耕地（0101/0102/0103）变为园地、林地、草地、坑塘或设施农用地为流出，反之为流入，耕地变为建设用地或其他土地为建设占用；耕地内部地类变化不计。同一乡镇内相连的同一变化合为一个图斑。窄于碎片宽度的碎片（边界偏移，而非用途变化）和小于调查最小上图面积（建设用地和设施农用地 200 平方米、农用地 400 平方米、其他土地 600 平方米，或给定的最小面积）的图斑被舍弃并计数。面积默认为 CGCS2000 椭球面积；net_mu 扣除耕地一侧的 KCXS，quality 取其 GDDB；县和乡镇取自现状调查的 ZLDWDM。两期调查都经过与各项核查相同的数据体检。变化图斑可直接输入 liaocheng:balance_check（作为 INPUT，方向字段自动识别）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="114"/>
        <source>Base-year survey (三调 / last year)</source>
        <translation>基期调查（三调/上年度变更调查）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="114"/>
        <source>Base land-use code field</source>
        <translation>基期地类编码字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="114"/>
        <source>Current-year survey</source>
        <translation>现状年份调查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="114"/>
        <source>Current land-use code field</source>
        <translation>现状地类编码字段</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="130"/>
        <source>Deduction coefficient field (KCXS; found when empty)</source>
        <translation>扣除地类系数字段（KCXS；留空则自动查找）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="130"/>
        <source>Quality grade field (GDDB; found when empty)</source>
        <translation>耕地等别字段（GDDB；留空则自动查找）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="130"/>
        <source>Location code field (ZLDWDM: county and township)</source>
        <translation>坐落单位代码字段（ZLDWDM：县、乡镇）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="141"/>
        <source>Year of the current survey (read from SJNF or the layer name when empty)</source>
        <translation>现状调查年份（留空则从 SJNF 或图层名称读取）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="152"/>
        <source>Minimum patch area (m²; empty: the survey's minimum mapping unit by land class)</source>
        <translation>最小图斑面积（平方米；留空则按地类取调查最小上图面积）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="162"/>
        <source>Sliver width (m): thinner pieces are moved boundaries</source>
        <translation>碎片宽度（米）：更窄的碎片视为边界偏移</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="259"/>
        <source>Inflow (mu)</source>
        <translation>流入（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="260"/>
        <source>Occupation (mu)</source>
        <translation>建设占用（亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="262"/>
        <source>Slivers left out</source>
        <translation>舍弃的碎片数</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="263"/>
        <source>Slivers left out (m²)</source>
        <translation>舍弃的碎片面积（平方米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="264"/>
        <source>Patches below the minimum area left out</source>
        <translation>舍弃的小于最小面积的图斑数</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="265"/>
        <source>Patches below the minimum area left out (m²)</source>
        <translation>舍弃的小于最小面积的图斑面积（平方米）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="288"/>
        <source>{}: {} patches, {:.2f} mu.</source>
        <translation>{}：{} 块，{:.2f} 亩。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="290"/>
        <source>Left out: {} slivers thinner than the sliver width ({:.1f} m²), {} patches below the minimum area ({:.1f} m², {:.2f} mu).</source>
        <translation>已舍弃：窄于碎片宽度的碎片 {} 处（{:.1f} 平方米），小于最小面积的图斑 {} 块（{:.1f} 平方米，{:.2f} 亩）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="302"/>
        <source>Areas are {}; working CRS {}; year {}.</source>
        <translation>面积为{}；工作坐标系 {}；年份 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_algorithm.py" line="306"/>
        <source>{} change patches have no location code (ZLDWDM) in the current survey: no county or township.</source>
        <translation>{} 个变化图斑在现状调查中没有坐落单位代码（ZLDWDM），无县、乡镇。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_inputs.py" line="50"/>
        <source>base-year land-use survey (DLTB)</source>
        <translation>基期土地利用调查（DLTB）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_inputs.py" line="50"/>
        <source>current-year land-use survey (DLTB)</source>
        <translation>现状年份土地利用调查（DLTB）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_inputs.py" line="60"/>
        <source>Layer “{}” has no {} field “{}”.</source>
        <translation>图层“{}”没有{}字段“{}”。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_inputs.py" line="79"/>
        <source>land-use code</source>
        <translation>地类编码</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_inputs.py" line="101"/>
        <source>{} (base year)</source>
        <translation>{}（基期）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_inputs.py" line="101"/>
        <source>{} (current year)</source>
        <translation>{}（现状）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_inputs.py" line="115"/>
        <source>Give both the base-year and the current-year survey layers.</source>
        <translation>请给出基期和现状年份两个调查图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/field_names.py" line="64"/>
        <source>Township name</source>
        <translation>乡镇名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="83"/>
        <source>Not extracted yet</source>
        <translation>尚未提取</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.py" line="148"/>
        <source>Not extracted</source>
        <translation>未提取</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/columns.py" line="90"/>
        <source>Layer “{}”: {} more features with {}: {}.</source>
        <translation>图层“{}”：另有 {} 个要素存在问题（{}）：{}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/datum_rules.py" line="28"/>
        <source>CGCS2000 / WGS 84</source>
        <translation>CGCS2000 / WGS 84</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/datum_rules.py" line="28"/>
        <source>Xian 1980</source>
        <translation>西安1980</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/datum_rules.py" line="28"/>
        <source>Beijing 1954</source>
        <translation>北京1954</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/datum_rules.py" line="63"/>
        <source>Layer “{}” is in {} ({}), the subjects in {} ({}): QGIS has no parameters between the two datums and would move the layer by a rough estimate, tens of metres off on the ground.</source>
        <translation>图层“{}”为{}（{}），核查对象为{}（{}）：QGIS 没有这两个基准之间的转换参数，只能粗略平移该图层，地面上会偏差数十米。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/datum_rules.py" line="67"/>
        <source>Convert the layer to CGCS2000 with the bureau's parameters, or set them as a datum transformation of the project (Project ▸ Properties ▸ Transformations).</source>
        <translation>请用本局的转换参数将该图层转换为 CGCS2000，或将参数设为工程的基准转换（工程 ▸ 属性 ▸ 转换）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/deduction.py" line="56"/>
        <source>{} not in [0, 1)</source>
        <translation>{} 不在 [0, 1) 内</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/deduction.py" line="79"/>
        <source>{} not between 0 and {}</source>
        <translation>{} 不在 0 与 {} 之间</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="61"/>
        <source>Check the layer&apos;s CRS and redraw the feature: a site needs an area, a route at least two points.</source>
        <translation>请检查图层坐标系并重绘该要素：选址需有面积，线路至少需两个不同的点。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="69"/>
        <source>Layer “{}”, feature {}: a part of the route has no length (one point, or all its points alike).</source>
        <translation>图层“{}”，要素 {}：该线路有一段长度为零（只有一个点，或所有点重合）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="75"/>
        <source>no area or no length</source>
        <translation>面积或长度为零</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/interactive.py" line="46"/>
        <source>Sketches</source>
        <translation>草图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/interactive.py" line="114"/>
        <source>Sketch {} was converted from {} to WGS 84 (moved about {}).</source>
        <translation>草图 {} 已由 {} 转换为 WGS 84（移动约{}）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/interactive.py" line="123"/>
        <source>Sketches are drawn on a map in {}. If it shows a Chinese web map they lie beside their true place: here about {} (GCJ-02: AMap, Tencent) or {} (BD-09: Baidu).</source>
        <translation>草图绘制在 {} 坐标的地图上。如果底图是国内网络地图，草图会偏离真实位置：在此处约为{}（GCJ-02：高德、腾讯）或{}（BD-09：百度）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/interactive.py" line="127"/>
        <source>State the web map&apos;s coordinate frame in the panel before sketching.</source>
        <translation>绘制草图前，请在面板中说明网络地图的坐标框架。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/interactive.py" line="135"/>
        <source>sites or routes</source>
        <translation>选址或线路</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="113"/>
        <source>Layer “{}” lies {:.0f} km from the subjects (“{}”): none of them can meet it; its figures are 0.</source>
        <translation>图层“{0}”距核查对象（“{2}”）{1:.0f} 公里：没有任何核查对象能与之相交，其各项数字均为 0。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="114"/>
        <source>Check that it is the layer of this area and that its CRS is right.</source>
        <translation>请确认这是本区域的图层，且其坐标系正确。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="132"/>
        <source>Check the layer's file and its filter (Layer Properties ▸ Source ▸ Provider Feature Filter).</source>
        <translation>请检查图层文件及其过滤条件（图层属性 ▸ 源 ▸ 数据提供者要素过滤）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="172"/>
        <source>datum</source>
        <translation>坐标基准</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="173"/>
        <source>empty layer</source>
        <translation>空图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="174"/>
        <source>geometry repaired</source>
        <translation>几何已修复</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="176"/>
        <source>geometry unrepairable</source>
        <translation>几何无法修复</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="177"/>
        <source>transform failed</source>
        <translation>坐标转换失败</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/data_check_panel.py" line="70"/>
        <source>{} errors</source>
        <translation>{} 项错误</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/data_check_panel.py" line="71"/>
        <source>{} warnings</source>
        <translation>{} 项预警</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/data_check_panel.py" line="72"/>
        <source>{} fixed</source>
        <translation>{} 项已修正</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/data_check_panel.py" line="76"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="192"/>
        <source>Further overlay layer</source>
        <translation>其他叠加图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="259"/>
        <source>The protected-layer profile (保护图层配置) gives “{}” as {}, but that layer is no longer in the project.</source>
        <translation>保护图层配置中的{1}图层“{0}”已不在工程中。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/profile.py" line="263"/>
        <source>Add the layer to the project again, or change the protected-layer profile.</source>
        <translation>请将该图层重新加入工程，或修改保护图层配置。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/algorithm_launcher.py" line="24"/>
        <source>Choose the layer in the dialog, or change the protected-layer profile (保护图层配置).</source>
        <translation>请在对话框中选择该图层，或修改保护图层配置。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="56"/>
        <source>Outflow and inflow come from the same layer: its direction field tells them apart.</source>
        <translation>流出和流入取自同一图层，按“流向”字段区分。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="106"/>
        <source>outflow patches</source>
        <translation>耕地流出图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="107"/>
        <source>inflow patches</source>
        <translation>耕地流入图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="108"/>
        <source>base-year survey</source>
        <translation>基期调查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="109"/>
        <source>current-year survey</source>
        <translation>现状调查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.py" line="124"/>
        <source>Outflow and inflow patches in longitude/latitude that were drawn on a Chinese web map (AMap, Tencent: GCJ-02; Baidu: BD-09) are converted to WGS 84 before the check.</source>
        <translation>经纬度坐标的流出、流入图斑若是在国内网络地图上勾绘的（高德、腾讯：GCJ-02；百度：BD-09），核查前先转换为 WGS 84。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="190"/>
        <source>A layer of the check left the project while it ran: its results were dropped.</source>
        <translation>核查运行期间，其使用的图层已从工程中移除：本次结果已舍弃。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="416"/>
        <source>The result layers were removed from the project: run the check again.</source>
        <translation>核查结果图层已从工程中移除：请重新核查。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/check_dock.py" line="419"/>
        <source>The layer “{}” chosen as {} left the project: choose the {} again.</source>
        <translation>所选{1}图层“{0}”已从工程中移除：请重新选择{2}图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/dialogs.py" line="32"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/dock_profile.py" line="41"/>
        <source>{} “{}” is not in the project</source>
        <translation>{}图层“{}”不在工程中</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/export_report.py" line="17"/>
        <source>The file is open in another program: close it there first.</source>
        <translation>该文件正被其他程序打开：请先将其关闭。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/export_report.py" line="20"/>
        <source>There is no permission to write there: choose another folder.</source>
        <translation>没有写入该位置的权限：请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/export_report.py" line="21"/>
        <source>The disk is read-only: choose another folder.</source>
        <translation>该磁盘为只读：请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/export_report.py" line="22"/>
        <source>The disk is full.</source>
        <translation>磁盘空间已满。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/export_report.py" line="23"/>
        <source>The folder does not exist.</source>
        <translation>该文件夹不存在。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/export_report.py" line="39"/>
        <source>{} {}</source>
        <translation>{}{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="76"/>
        <source>reserve parcels</source>
        <translation>储备地块</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="77"/>
        <source>inspection grid</source>
        <translation>巡查网格</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="78"/>
        <source>townships</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.py" line="89"/>
        <source>Reserve parcels in longitude/latitude that were drawn on a Chinese web map (AMap, Tencent: GCJ-02; Baidu: BD-09) are converted to WGS 84 before the check.</source>
        <translation>经纬度坐标的储备地块若是在国内网络地图上勾绘的（高德、腾讯：GCJ-02；百度：BD-09），核查前先转换为 WGS 84。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/protected_parameters.py" line="137"/>
        <source>Choose the layer in this dialog, or change the protected-layer profile (保护图层配置).</source>
        <translation>请在本对话框中选择该图层，或修改保护图层配置。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/overlap_table.py" line="74"/>
        <source>Cultivated land net</source>
        <translation>耕地净面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/overlap_table.py" line="77"/>
        <source>Conflicts</source>
        <translation>冲突情况</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/choice.py" line="44"/>
        <source>Overlay engine: postgis — computed in the database {}.</source>
        <translation>叠加分析引擎：postgis —— 在数据库 {} 中计算。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/choice.py" line="45"/>
        <source>Overlay engine: local — computed in QGIS: {}.</source>
        <translation>叠加分析引擎：local —— 在 QGIS 中计算：{}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/choice.py" line="80"/>
        <source>no protected layer</source>
        <translation>没有保护图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/choice.py" line="82"/>
        <source>the overlay in the database is switched off (setting {})</source>
        <translation>数据库内叠加分析已关闭（设置 {}）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/choice.py" line="91"/>
        <source>the protected layers live in {} different databases</source>
        <translation>保护图层分属 {} 个不同的数据库</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/choice.py" line="122"/>
        <source>the database {} has no PostGIS</source>
        <translation>数据库 {} 未安装 PostGIS</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/choice.py" line="124"/>
        <source>the database {} has PostgreSQL {}, PostGIS {} on GEOS {} (needed: PostgreSQL 12, PostGIS 3.1, GEOS 3.9 or newer)</source>
        <translation>数据库 {} 为 PostgreSQL {}、PostGIS {}（GEOS {}）（需要 PostgreSQL 12、PostGIS 3.1、GEOS 3.9 或更高版本）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/choice.py" line="144"/>
        <source>table {} of layer “{}” is not found in the database</source>
        <translation>图层“{1}”的表 {0} 在数据库中不存在</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/choice.py" line="146"/>
        <source>layer “{}” has no integer key or no geometry column (a geography?)</source>
        <translation>图层“{}”没有整数主键或几何字段（是否为 geography 类型？）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/choice.py" line="168"/>
        <source>layer “{}” has no spatial index (CREATE INDEX ON {} USING GIST ({}))</source>
        <translation>图层“{}”没有空间索引（CREATE INDEX ON {} USING GIST ({})）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/driver.py" line="31"/>
        <source>the Python package psycopg2 is missing (Debian/Ubuntu: sudo apt install python3-psycopg2; QGIS on Windows ships it)</source>
        <translation>缺少 Python 包 psycopg2（Debian/Ubuntu：sudo apt install python3-psycopg2；Windows 版 QGIS 已自带）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/session.py" line="55"/>
        <source>cannot connect to the database {}: {}</source>
        <translation>无法连接数据库 {}：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/session.py" line="115"/>
        <source>The database {} stopped the query on layer “{}” after {} s (setting liaocheng_plugin/postgis/statement_timeout_s). Nothing was written.</source>
        <translation>数据库 {0} 在 {2} 秒后终止了对图层“{1}”的查询（设置 liaocheng_plugin/postgis/statement_timeout_s）。未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/session.py" line="123"/>
        <source>The connection to the database {} was lost while checking layer “{}”. Nothing was written.</source>
        <translation>核查图层“{1}”时与数据库 {0} 的连接已断开。未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/session.py" line="129"/>
        <source>The database {} refused the query on layer “{}”: {}</source>
        <translation>数据库 {} 拒绝了对图层“{}”的查询：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/tables.py" line="76"/>
        <source>layer “{}” is read in part (selected features or a filter expression)</source>
        <translation>图层“{}”只读取部分要素（所选要素或过滤表达式）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/tables.py" line="78"/>
        <source>layer “{}” is not a PostGIS layer</source>
        <translation>图层“{}”不是 PostGIS 图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/tables.py" line="80"/>
        <source>layer “{}” has unsaved edits</source>
        <translation>图层“{}”有未保存的编辑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/tables.py" line="82"/>
        <source>layer “{}” holds curves</source>
        <translation>图层“{}”含曲线几何</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/tables.py" line="84"/>
        <source>layer “{}” is stored in {}, not in the working CRS {}</source>
        <translation>图层“{}”存储于 {}，而非工作坐标系 {}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/tables.py" line="89"/>
        <source>layer “{}” is a SQL query, not a table or view</source>
        <translation>图层“{}”是 SQL 查询，不是表或视图</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/tables.py" line="93"/>
        <source>layer “{}” has no single integer key column (QGIS numbers its features itself)</source>
        <translation>图层“{}”没有单一整数主键字段（要素编号由 QGIS 自行分配）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/engine/postgis/tables.py" line="98"/>
        <source>field “{}” of layer “{}” is not a column of its table</source>
        <translation>图层“{1}”的字段“{0}”不是其表中的列</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/siting.py" line="216"/>
        <source>indexes built in QGIS by the panel</source>
        <translation>面板在 QGIS 中建立的索引</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/figures.py" line="51"/>
        <source>{} m² ({} mu)</source>
        <translation>{} 平方米（{} 亩）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="40"/>
        <source>Layer “{}”, feature {}: it has no geometry, or one that cannot be used (such as a line of one vertex), and cannot be checked.</source>
        <translation>图层“{}”，要素 {}：没有几何，或几何无法使用（例如只有一个节点的线），无法核查。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="116"/>
        <source>Layer “{}”, feature {}: its boundary is invalid ({}); repairing it would change its area from {} as drawn to {}: no figure can rest on a guessed shape.</source>
        <translation>图层“{}”，要素 {}：边界无效（{}）；修复后面积将由绘制时的 {} 变为 {}：任何数字都不能建立在推测的形状上。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="120"/>
        <source>Redraw the boundary so that it does not cross itself (Vector ▸ Geometry Tools ▸ Check Validity shows where). To check the repaired shape with a warning instead, set the advanced setting liaocheng_plugin/datacheck/refuse_area_changing_repairs to false.</source>
        <translation>请重新绘制边界，使其不自相交（矢量 ▸ 几何图形工具 ▸ 检查有效性 可显示位置）。如需按修复后的形状核查并给出预警，请将高级设置 liaocheng_plugin/datacheck/refuse_area_changing_repairs 设为 false。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="125"/>
        <source>Layer “{}”, feature {}: its boundary is invalid ({}); the check uses it repaired, which changes its area from {} as drawn to {}.</source>
        <translation>图层“{}”，要素 {}：边界无效（{}）；核查使用修复后的形状，面积由绘制时的 {} 变为 {}。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="129"/>
        <source>Correct the boundary in the layer: the figures rest on the repaired shape.</source>
        <translation>请在图层中修正边界：各项数字基于修复后的形状。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/geometry_rules.py" line="130"/>
        <source>a repair that changes the area</source>
        <translation>修复改变面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="139"/>
        <source>{} If this area truly has none, leave the layer out, or set the advanced setting liaocheng_plugin/datacheck/refuse_empty_layers to false to check with a warning.</source>
        <translation>{}如本区域确实没有此类要素，请不要指定该图层；或将高级设置 liaocheng_plugin/datacheck/refuse_empty_layers 设为 false，以预警方式核查。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/report.py" line="170"/>
        <source>repair changes area</source>
        <translation>修复改变面积</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/data_check_algorithm.py" line="65"/>
        <source>No layer to check: give the subjects, a protected layer, or both (the data check reads nothing else).</source>
        <translation>没有可体检的图层：请指定核查对象、保护图层或两者（数据体检只读取这些图层）。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/codes.py" line="104"/>
        <source>Layer “{}”, field {}: none of the {} features read has a land-use code; the layer cannot tell cultivated land from any other class.</source>
        <translation>图层“{}”，字段 {}：读取的 {} 个要素均没有地类编码；该图层无法区分耕地与其他地类。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/codes.py" line="108"/>
        <source>Choose the field that holds the land-use codes (DLBM), or a survey layer whose codes are filled.</source>
        <translation>请选择存放地类编码的字段（DLBM），或选用地类编码已填写的调查图层。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="144"/>
        <source>Layer “{}” ({}) holds no features: {}</source>
        <translation>图层“{}”（{}）没有要素：{}</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="134"/>
        <source>nothing would be checked against it, and no conflict with it could be found.</source>
        <translation>无法据此核查，也不可能发现与其冲突。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/core/datacheck/layer_rules.py" line="144"/>
        <source>nothing was checked against it; its figures are 0.</source>
        <translation>未据此进行核查，其各项数字均为 0。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/processing/change_inputs.py" line="117"/>
        <source>no land would be compared between the two years, and no change could be found.</source>
        <translation>两期之间无地可比，也不可能发现任何变化。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_follow.py" line="113"/>
        <source>The protected layers changed: every alternative was checked again against them.</source>
        <translation>保护图层已变更：所有方案已按新的保护图层重新核查。</translation>
    </message>
</context>
<context>
    <name>BalanceDockForm</name>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="13"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="15"/>
        <source>Outflow patches</source>
        <translation>耕地流出图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="17"/>
        <source>Inflow patches</source>
        <translation>耕地流入图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="19"/>
        <source>Protected layers</source>
        <translation>保护图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="21"/>
        <source>Profile…</source>
        <translation>配置…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="27"/>
        <source>Run check</source>
        <translation>开始核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="28"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="70"/>
        <source>Ledger (XLSX)…</source>
        <translation>台账（XLSX）…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="70"/>
        <source>Export the balance ledger and the checked patches as an Excel workbook</source>
        <translation>将进出平衡台账和核查图斑导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="71"/>
        <source>GeoPackage…</source>
        <translation>GeoPackage…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/balance_dock.ui" line="71"/>
        <source>Export the result layers to a GeoPackage</source>
        <translation>将结果图层导出为 GeoPackage</translation>
    </message>
</context>
<context>
    <name>ChangeStepForm</name>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.ui" line="13"/>
        <source>Extract from two survey years…</source>
        <translation>从两期调查提取…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.ui" line="14"/>
        <source>Compare the base-year and the current-year land-use survey and extract the outflow, inflow and occupation patches (liaocheng:change_detection)</source>
        <translation>比对基期和现状年份的土地利用调查，提取流出、流入和建设占用图斑（liaocheng:change_detection）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.ui" line="18"/>
        <source>Base year</source>
        <translation>基期</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.ui" line="20"/>
        <source>Current year</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.ui" line="26"/>
        <source>Extract patches</source>
        <translation>提取图斑</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/change_step.ui" line="27"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="9"/>
        <source>Protected-layer profile</source>
        <translation>保护图层配置</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="15"/>
        <source>Assign the project&apos;s layers to the roles the checks use. Proposals come from common layer and field names; the reason is shown under each role. The profile is saved in the project.</source>
        <translation>为核查所用的各类保护图层指定工程中的图层。系统根据常见图层名和字段名自动识别，识别依据显示在各项下方。配置随工程保存。</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="22"/>
        <source>Roles</source>
        <translation>图层角色</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="28"/>
        <source>Further overlay layers</source>
        <translation>其他叠加图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="33"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="34"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="39"/>
        <source>Add layer</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="40"/>
        <source>Remove layer</source>
        <translation>移除图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="49"/>
        <source>Guess from layer names</source>
        <translation>按图层名自动识别</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="50"/>
        <source>Import JSON…</source>
        <translation>导入 JSON…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/profile_dialog.ui" line="51"/>
        <source>Export JSON…</source>
        <translation>导出 JSON…</translation>
    </message>
</context>
<context>
    <name>ReserveDockForm</name>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="13"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="15"/>
        <source>Reserve parcels</source>
        <translation>储备地块</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="17"/>
        <source>Selected parcels only</source>
        <translation>仅核查选中地块</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="18"/>
        <source>Inspection grid</source>
        <translation>巡查网格</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="20"/>
        <source>Townships</source>
        <translation>乡镇（街道）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="22"/>
        <source>Check date</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="23"/>
        <source>yyyy-MM-dd</source>
        <translation>yyyy-MM-dd</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="24"/>
        <source>Protected layers</source>
        <translation>保护图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="26"/>
        <source>Profile…</source>
        <translation>配置…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="32"/>
        <source>Run check</source>
        <translation>开始核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="33"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="69"/>
        <source>Ledger (XLSX)…</source>
        <translation>台账（XLSX）…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="69"/>
        <source>Export the ledger and its summary as an Excel workbook</source>
        <translation>将台账及汇总导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="70"/>
        <source>GeoPackage…</source>
        <translation>GeoPackage…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/reserve_dock.ui" line="70"/>
        <source>Export the result layers to a GeoPackage</source>
        <translation>将结果图层导出为 GeoPackage</translation>
    </message>
</context>
<context>
    <name>SiteDockForm</name>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="13"/>
        <source>Sketch an alternative</source>
        <translation>绘制方案</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="17"/>
        <source>Draw site</source>
        <translation>绘制选址</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="18"/>
        <source>Draw route</source>
        <translation>绘制线路</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="24"/>
        <source>Route width</source>
        <translation>线路宽度</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="27"/>
        <source> m</source>
        <translation> 米</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="26"/>
        <source>Village distance</source>
        <translation>村庄避让距离</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="57"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="58"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="59"/>
        <source>Add as layers</source>
        <translation>添加为图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="59"/>
        <source>The alternatives and their clear parts (site minus farmland and red line)</source>
        <translation>各方案及其无冲突部分（扣除永久基本农田和生态保护红线）</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="17"/>
        <source>Sketch a site on the map: left click adds a vertex, right click finishes; the check runs at once</source>
        <translation>在地图上绘制选址：左键添加节点，右键结束；绘制完成即核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="18"/>
        <source>Sketch a route&apos;s centre line: left click adds a vertex, right click finishes; the check runs at once</source>
        <translation>绘制线路中心线：左键添加节点，右键结束；绘制完成即核查</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="19"/>
        <source>Use selection</source>
        <translation>使用选中要素</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="19"/>
        <source>Check the selected features of the active layer: polygons as sites, lines as routes</source>
        <translation>核查当前图层的选中要素：面作为选址，线作为线路</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="38"/>
        <source>Areas in mu</source>
        <translation>面积单位：亩</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="60"/>
        <source>Comparison (XLSX)…</source>
        <translation>方案比选（XLSX）…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="60"/>
        <source>Export the comparison as an Excel workbook</source>
        <translation>将方案比选导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="61"/>
        <source>GeoPackage…</source>
        <translation>GeoPackage…</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="61"/>
        <source>Export the alternatives and their clear parts to a GeoPackage</source>
        <translation>将各方案及其无冲突部分导出为 GeoPackage</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="28"/>
        <source>Protected layers</source>
        <translation>保护图层</translation>
    </message>
    <message>
        <location filename="../liaocheng_plugin/gui/site_dock.ui" line="30"/>
        <source>Profile…</source>
        <translation>配置…</translation>
    </message>
</context>
</TS>
