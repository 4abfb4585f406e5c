"""Render the CLI reference (docs/cli.md) from the real commands.

    python -m truce.cli.reference > docs/cli.md

A test regenerates it and compares, so the reference can never fall behind the code.
"""

from __future__ import annotations

import inspect

import typer


def _param_line(param) -> str:
    if param.param_type_name == "argument":
        name = (param.metavar or param.name).upper()
        required = "" if param.required else " (optional)"
        return f"- `{name}`{required}" + (f": {param.help}" if getattr(param, "help", None) else "")
    opts = ", ".join(f"`{o}`" for o in param.opts + param.secondary_opts)
    help_text = getattr(param, "help", None) or ""
    default = param.default
    if default not in (None, False, (), []) and not callable(default) and not param.is_flag:
        help_text += f" (default: {default})"
    return f"- {opts}: {help_text}".rstrip(": ")


def _command_section(path: str, command) -> list[str]:
    lines = [f"### `{path}`", ""]
    if command.help:
        lines += [inspect.cleandoc(command.help), ""]
    params = [p for p in command.params if p.name != "help"]
    if params:
        lines += [_param_line(p) for p in params] + [""]
    return lines


def render(app: typer.Typer) -> str:
    root = typer.main.get_command(app)
    lines = [
        "# Command reference",
        "",
        "Generated from the commands themselves by `python -m truce.cli.reference`; "
        "`truce COMMAND --help` says the same.",
        "",
    ]

    def walk(prefix: str, group) -> None:
        # Typer ships its own copy of click, so groups are recognised by what they have.
        if hasattr(group, "commands"):
            for name in sorted(group.commands):
                walk(f"{prefix} {name}", group.commands[name])
        else:
            lines.extend(_command_section(prefix, group))

    walk("truce", root)
    return "\n".join(lines).rstrip() + "\n"


def main() -> None:
    from truce.cli import app

    print(render(app), end="")


if __name__ == "__main__":
    main()
