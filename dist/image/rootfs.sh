#!/bin/sh
# Lays out the container image's files besides Bongsu in ROOT (as the image's /): a jlink'd Java runtime from the
# building JDK in /opt/java, the C libraries it loads (glibc, libstdc++, zlib) copied from this machine, the user
# bongsu (10001) and the directories Bongsu uses. No registry is needed: app/pom.xml's Jib builds the image FROM
# scratch with these. jlink takes up to a minute, so the runtime is cached per JDK in ~/.cache/bongsu.
# Usage: rootfs.sh ROOT JAVA_HOME
set -eu
root="$1"
jdk="$2"
# Every module Bongsu or its libraries may load, by name or by reflection (SQL, JNDI DNS, JMX, TLS, Korean locale data).
modules=java.base,java.logging,java.sql,java.naming,java.management,java.net.http,java.xml,java.desktop,java.scripting,\
java.security.jgss,java.security.sasl,java.instrument,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.naming.dns,\
jdk.management,jdk.zipfs,jdk.localedata,jdk.charsets,jdk.jfr,jdk.management.jfr

if [ ! -d "$jdk/jmods" ]; then
  echo "rootfs.sh: $jdk has no jmods directory: install a JDK with its jmods (Debian 12: openjdk-17-jdk-headless)" >&2
  exit 1
fi
key="$( { "$jdk/bin/java" -version 2>&1; cat "$0"; uname -m; } | sha256sum | cut -c1-16)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/bongsu/image-runtime-$key"
if [ ! -d "$cache" ]; then
  echo "rootfs.sh: making the image's Java runtime with jlink (once per JDK; about a minute)" >&2
  tmp="$cache.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp/opt"
  "$jdk/bin/jlink" --module-path "$jdk/jmods" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
    --output "$tmp/opt/java"
  # The shared libraries the runtime links against, at the paths the dynamic loader looks for them; not those of the
  # desktop's window, sound, font and image code (X11, ALSA, FreeType), which a headless server never loads.
  find "$tmp/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) \
    ! -name 'libawt_xawt.so' ! -name 'libjsound.so' ! -name 'libsplashscreen.so' ! -name 'libfontmanager.so' \
    ! -name 'libjawt.so' ! -name 'liblcms.so' ! -name 'libjavajpeg.so' ! -name 'libmlib_image.so' -exec ldd {} \; 2>/dev/null \
    | grep -o '/[^ ]*' | sort -u | while read -r lib; do
      case "$lib" in "$tmp"*) continue ;; esac
      mkdir -p "$tmp$(dirname "$lib")"
      cp -L "$lib" "$tmp$lib"
    done
  # glibc's libraries that native code inside dependency jars links (sqlite-jdbc: libpthread, libdl).
  libdir="$(dirname "$(ldd "$jdk/bin/java" | grep -o '/[^ ]*/libc\.so\.6')")"
  for lib in libpthread.so.0 libdl.so.2 librt.so.1 libresolv.so.2; do
    if [ -e "$libdir/$lib" ]; then
      mkdir -p "$tmp$libdir"
      cp -L "$libdir/$lib" "$tmp$libdir/$lib"
    fi
  done
  # A build running alongside may have finished first: keep its copy.
  mv -T "$tmp" "$cache" 2>/dev/null || rm -rf "$tmp"
fi
rm -rf "$root"
mkdir -p "$root"
cp -a "$cache/." "$root/"
mkdir -p "$root/etc/bongsu" "$root/var/lib/bongsu" "$root/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nbongsu:x:10001:10001:Bongsu:/var/lib/bongsu:/sbin/nologin\n' >"$root/etc/passwd"
printf 'root:x:0:\nbongsu:x:10001:\n' >"$root/etc/group"
