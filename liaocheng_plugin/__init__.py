"""Liaocheng Land Check (聊城国土空间核查): QGIS entry point."""


def classFactory(iface):  # noqa: N802 - name required by QGIS
    """Create the plugin instance; imports lazily so QGIS starts fast."""
    from liaocheng_plugin.plugin import LiaochengPlugin

    return LiaochengPlugin(iface)
