"""The passphrase typed at a real terminal: asked twice by `encrypt`, never echoed."""

from __future__ import annotations

import io

import pexpect

from pty_harness import finish, spawn

SECRET = "a tide 潮水 that turns"
HEADER = b"SQLite format 3\0"


def test_encrypt_asks_the_passphrase_twice_without_echo_and_later_commands_ask_once(
    cli, journal_file
):
    cli.ok("add", "-l", "up", "a lamp in the window")
    child = spawn("encrypt")
    screen = child.logfile_read = io.StringIO()  # all the terminal showed
    child.expect_exact(f"New passphrase for {journal_file}: ")
    child.sendline(SECRET)
    child.expect_exact("The same passphrase again: ")
    child.sendline(SECRET)
    child.expect_exact("the plain original was removed")
    assert finish(child) == 0
    assert SECRET not in screen.getvalue()  # nothing typed was shown
    assert not journal_file.read_bytes().startswith(HEADER)

    child = spawn("list")
    screen = child.logfile_read = io.StringIO()
    child.expect_exact(f"Passphrase for {journal_file}: ")
    child.sendline(SECRET)
    child.expect_exact("a lamp in the window")
    assert finish(child) == 0
    assert SECRET not in screen.getvalue()


def test_the_prompt_speaks_chinese_with_lang_zh(cli, journal_file):
    cli.ok("add", "-l", "up", "一盏灯")
    child = spawn("--lang", "zh", "encrypt")
    child.expect_exact(f"{journal_file} 的新口令：")
    child.sendline(SECRET)
    child.expect_exact("再输入一次同一口令：")
    child.sendline(SECRET)
    child.expect_exact("已删除未加密的原文件")
    assert finish(child) == 0


def test_two_different_passphrases_leave_the_journal_plain(cli, journal_file):
    cli.ok("add", "-l", "up", "a lamp in the window")
    before = journal_file.read_bytes()
    child = spawn("encrypt")
    child.expect_exact(f"New passphrase for {journal_file}: ")
    child.sendline(SECRET)
    child.expect_exact("The same passphrase again: ")
    child.sendline(SECRET + " but not quite")
    child.expect_exact("the two passphrases differ; nothing was changed")
    assert finish(child) == 2
    assert journal_file.read_bytes().startswith(HEADER)
    assert journal_file.read_bytes() == before


def test_a_wrong_passphrase_typed_at_the_prompt_is_one_line(cli, journal_file):
    cli.ok("add", "-l", "up", "a lamp in the window")
    child = spawn("encrypt")
    for prompt in (f"New passphrase for {journal_file}: ", "The same passphrase again: "):
        child.expect_exact(prompt)
        child.sendline(SECRET)
    assert finish(child) == 0
    child = spawn("list")
    child.expect_exact(f"Passphrase for {journal_file}: ")
    child.sendline("not it")
    child.expect_exact("the passphrase (from the prompt) is wrong")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert "Traceback" not in child.before and "ERROR CORE" not in child.before


def test_rekey_asks_the_old_passphrase_once_and_the_new_one_twice(cli, journal_file):
    cli.ok("add", "-l", "up", "a lamp in the window")
    cli.ok("encrypt", env={"FOURLOOKS_PASSPHRASE_COMMAND": f"echo '{SECRET}'"})
    child = spawn("rekey")
    screen = child.logfile_read = io.StringIO()
    child.expect_exact(f"Passphrase for {journal_file}: ")
    child.sendline(SECRET)
    child.expect_exact(f"New passphrase for {journal_file}: ")
    child.sendline("the new one 新")
    child.expect_exact("The same passphrase again: ")
    child.sendline("the new one 新")
    child.expect_exact("is changed")
    assert finish(child) == 0
    assert SECRET not in screen.getvalue() and "the new one" not in screen.getvalue()
    listed = cli.ok("list", env={"FOURLOOKS_PASSPHRASE_COMMAND": "echo 'the new one 新'"})
    assert "a lamp in the window" in listed.stdout
