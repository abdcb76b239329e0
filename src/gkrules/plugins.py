"""The plugin manager: loads plugins defensively and collects what they register.

* Entry points of the ``gkrules`` group are loaded one by one; a plugin that fails to import,
  or implements a hook that does not exist (``check_pending``), is reported in ``failures``
  and left out; the others load.
* An allow list (only these) and a block list (all but these) select plugins by entry-point
  name; the environment variables ``GKRULES_PLUGINS`` and ``GKRULES_DISABLE_PLUGINS``
  (comma-separated) set them for hosts that cannot pass arguments.
* Registration hooks are called implementation by implementation, so an exception in one
  plugin's hook is recorded against that plugin and does not hide the others' results.
"""

from __future__ import annotations

import functools
import importlib.metadata as im
import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import pluggy
from attrs import frozen

from gkrules import hookspecs
from gkrules.errors import PluginError
from gkrules.hookspecs import hookimpl
from gkrules.model import PluginInfo
from gkrules.protocols import WorkdayCalendar
from gkrules.specs import CheckerSpec, FilterSpec, FormatterSpec, LoaderSpec, RulesetSource

if TYPE_CHECKING:
    from gkrules.ruleset.model import Ruleset

ENTRY_POINT_GROUP = "gkrules"


@frozen
class PluginFailure:
    """A plugin that could not be used, and why (in Chinese)."""

    name: str
    message: str


def _env_list(name: str) -> list[str] | None:
    raw = os.environ.get(name)
    if raw is None:
        return None
    return [p.strip() for p in raw.split(",") if p.strip()]


class PluginManager:
    """Loads gkrules plugins and answers "which checkers/loaders/… are there".

    ``allow``: only these entry-point names load (``None``: all). ``block``: these never load.
    ``extra``: plugin objects registered directly (tests, hosts embedding gkrules), as
    ``(name, object)`` pairs; they are subject to the block list too.
    """

    def __init__(self, *, entry_points: bool = True, allow: Iterable[str] | None = None,
                 block: Iterable[str] | None = None, extra: Iterable[tuple[str, Any]] = ()):
        self._pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
        self._pm.add_hookspecs(hookspecs)
        env_allow, env_block = _env_list("GKRULES_PLUGINS"), _env_list("GKRULES_DISABLE_PLUGINS")
        self.allow = set(allow) if allow is not None else (set(env_allow) if env_allow is not None else None)
        self.block = set(block or ()) | set(env_block or ())
        self.failures: list[PluginFailure] = []
        self._versions: dict[str, str | None] = {}
        self._cache: dict[str, Any] = {}
        if entry_points:
            self._load_entry_points()
        for name, obj in extra:
            self.register(obj, name)
        self._check_pending()

    # -- loading ---------------------------------------------------------------------------

    def _selected(self, name: str, builtin: bool = False) -> bool:
        if name in self.block:
            return False
        # the allow list selects third-party plugins; built-ins load unless blocked by name
        return builtin or self.allow is None or name in self.allow

    def _load_entry_points(self) -> None:
        seen: set[str] = set()
        for ep in sorted(im.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
            dist = getattr(ep, "dist", None)
            builtin = dist is not None and dist.name == "gkrules"
            if ep.name in seen or not self._selected(ep.name, builtin):
                continue
            seen.add(ep.name)
            try:
                obj = ep.load()
            except Exception as exc:  # a broken plugin must not stop the others
                self.failures.append(PluginFailure(ep.name, f"插件 {ep.name} 加载失败：{type(exc).__name__}: {exc}"))
                continue
            self._register(obj, ep.name, dist.version if dist is not None else None)

    def register(self, obj: Any, name: str, version: str | None = None) -> None:
        """Register a plugin object directly (it must still pass the block/allow lists)."""
        if not self._selected(name):
            return
        self._register(obj, name, version)
        self._check_pending()
        self._cache.clear()

    def _register(self, obj: Any, name: str, version: str | None) -> None:
        try:
            self._pm.register(obj, name=name)
        except Exception as exc:
            self.failures.append(PluginFailure(name, f"插件 {name} 注册失败：{exc}"))
            return
        self._versions[name] = version

    def _check_pending(self) -> None:
        # pluggy's check_pending raises on the first unknown hook; find all, unregister the culprits
        # pluggy creates a spec-less caller for every unknown name it sees, so ask for the spec
        known = {n for n in dir(self._pm.hook)
                 if n.startswith("gkrules_") and getattr(self._pm.hook, n).has_spec()}
        for name, plugin in list(self._pm.list_name_plugin()):
            bad = [attr for attr in dir(plugin)
                   if attr.startswith("gkrules_") and attr not in known
                   and self._pm.parse_hookimpl_opts(plugin, attr) is not None]
            if bad:
                self._pm.unregister(plugin)
                self._versions.pop(name, None)
                self.failures.append(PluginFailure(
                    name, f"插件 {name} 实现了不存在的钩子 {', '.join(bad)}（拼写错误？），已停用"))
        self._pm.check_pending()

    # -- queries ---------------------------------------------------------------------------

    @property
    def names(self) -> list[str]:
        return sorted(n for n, _ in self._pm.list_name_plugin() if n is not None)

    def plugin_infos(self) -> tuple[PluginInfo, ...]:
        return tuple(PluginInfo(n, self._versions.get(n)) for n in self.names)

    def hooks_of(self, name: str) -> list[str]:
        plugin = self._pm.get_plugin(name)
        return sorted(h.name for h in self._pm.get_hookcallers(plugin) or [])

    def _collect(self, hook_name: str, expected: type, **kwargs: Any) -> list[tuple[str, Any]]:
        """Call each implementation of a registration hook on its own; return (plugin, spec)."""
        out: list[tuple[str, Any]] = []
        caller = getattr(self._pm.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):  # registration order
            try:
                result = impl.function(**{k: v for k, v in kwargs.items() if k in impl.argnames})
                items = list(result or ())
            except Exception as exc:
                self.failures.append(PluginFailure(
                    impl.plugin_name, f"插件 {impl.plugin_name} 的 {hook_name} 出错：{type(exc).__name__}: {exc}"))
                continue
            for item in items:
                if not isinstance(item, expected):
                    self.failures.append(PluginFailure(
                        impl.plugin_name,
                        f"插件 {impl.plugin_name} 的 {hook_name} 返回了 {type(item).__name__}，应为 {expected.__name__}"))
                    continue
                out.append((impl.plugin_name, item))
        return out

    def _by_id(self, hook_name: str, expected: type, key: Callable[[Any], str]) -> dict[str, Any]:
        if hook_name in self._cache:
            return self._cache[hook_name]
        found: dict[str, Any] = {}
        owner: dict[str, str] = {}
        for plugin, spec in self._collect(hook_name, expected):
            k = key(spec)
            if k in found:
                raise PluginError(f"插件 {owner[k]} 与插件 {plugin} 注册了同一个标识 {k!r}，请停用其中一个")
            found[k] = spec
            owner[k] = plugin
        self._cache[hook_name] = found
        self._cache[hook_name + ":owner"] = owner
        return found

    def checkers(self) -> dict[str, CheckerSpec]:
        return self._by_id("gkrules_checkers", CheckerSpec, lambda s: s.id)

    def owner_of_checker(self, checker_id: str) -> str | None:
        self.checkers()
        return self._cache["gkrules_checkers:owner"].get(checker_id)

    def formatters(self) -> dict[str, FormatterSpec]:
        return self._by_id("gkrules_formatters", FormatterSpec, lambda s: s.name)

    def rulesets(self) -> dict[str, RulesetSource]:
        return self._by_id("gkrules_rulesets", RulesetSource, lambda s: s.id)

    def filters(self) -> list[FilterSpec]:
        return list(self._by_id("gkrules_finding_filters", FilterSpec, lambda s: s.name).values())

    def loaders(self) -> list[LoaderSpec]:
        """Loaders, plugin ones first so that they take precedence over built-ins."""
        if "loaders" in self._cache:
            return self._cache["loaders"]
        pairs = self._collect("gkrules_loaders", LoaderSpec)
        builtin = [s for p, s in pairs if p == "loaders"]
        other = [s for p, s in pairs if p != "loaders"]
        self._cache["loaders"] = other + builtin
        return self._cache["loaders"]

    def calendar(self, ruleset: Ruleset, year: int) -> WorkdayCalendar | None:
        """The first calendar a ``gkrules_calendar`` implementation gives for ``year``."""
        return self._pm.hook.gkrules_calendar(ruleset=ruleset, year=year)

    def calendar_finder(self, ruleset: Ruleset) -> Callable[[int], WorkdayCalendar | None]:
        """``year → calendar`` under ``ruleset``: what ``CheckerSetup.find_calendar`` holds."""
        return functools.partial(self.calendar, ruleset)

    def notify_checker_error(self, checker: str, source: str, error: BaseException) -> None:
        for impl in self._pm.hook.gkrules_checker_error.get_hookimpls():
            try:
                impl.function(**{k: v for k, v in {"checker": checker, "source": source, "error": error}.items()
                                 if k in impl.argnames})
            except Exception:  # observability only: never let it change the run
                pass


# hookimpl is defined beside hookspec (gkrules.hookspecs); plugins import it from gkrules or here
__all__ = ["ENTRY_POINT_GROUP", "PluginFailure", "PluginManager", "hookimpl"]
