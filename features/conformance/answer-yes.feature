@conformance @path:yes
Feature: Answering Yes — the phone finds its server through Device Enrollment Services
  An installer who answers Yes wants the phone to be set up from DES, Avaya's cloud
  enrollment service, and from nothing on the local network. DES either names the phone's
  configuration server, or does not know one yet and the phone asks for an enrollment code.
  What the phone does when DES or the server fails is in the fault matrix (conformance/faults.feature).

  @req:YES-1
  Rule: YES-1 — After Yes the phone looks for its server through DES only

    Scenario: DHCP and LLDP are not asked for a server even when they would name one
      Given DES names the configuration server "https://prov.example.com/j100"
      And the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"
      And the switch announces the file server 192.0.2.60 over LLDP
      When the user answers Yes
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone never asked DHCP or LLDP for a configuration server

    Scenario: A No pressed while DES is still being asked does not start a local search
      Given DES stays silent
      When the user answers Yes
      And the user answers No after 1 second
      Then the phone asks for the configuration server by hand
      And the phone never asked DHCP or LLDP for a configuration server

  @req:ASSUME-30 @assumption
  Rule: ASSUME-30 — After Yes the site's provisioning options go unread, though the phone gets its address
    YES-1 forbids finding the configuration server on the local network, not bringing the network
    up: a J100 needs an address before it can reach DES. "Never asked DHCP or LLDP for a configuration
    server" means the phone neither asked for options 43 and 242, nor listened for LLDP, nor used them.

    Scenario: Servers DHCP and LLDP would name are never contacted after Yes
      Given DES names the configuration server "https://prov.example.com/j100"
      And the DHCP server offers the site-specific option "HTTPSRVR=192.0.2.50"
      And the switch announces the file server 192.0.2.60 over LLDP
      When the user answers Yes
      Then the phone never contacted the configuration server "192.0.2.50"
      And the phone never contacted the configuration server "192.0.2.60"

  @req:YES-2
  Rule: YES-2 — DES names the configuration server and the phone fetches its settings there

    Scenario Outline: The phone fetches its settings from <server>, as DES names it
      Given DES names the configuration server "<server>"
      When the user answers Yes
      Then the phone is provisioned from "<server>"
      And the phone uses the setting SIPDOMAIN "example.com"

      Examples: forms of provisioning URL that DES hands out
        | server                                 |
        | https://prov.example.com/j100          |
        | http://prov.example.com:8080/phones    |
        | 198.51.100.7                           |

    Scenario: The settings the server holds are the settings the phone uses
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" holds these settings:
        """
        ## Settings for the Leeds office
        SET SIP_CONTROLLER_LIST "sbc1.leeds.example.com:5061;transport=tls"
        SET SIPDOMAIN leeds.example.com
        """
      When the user answers Yes
      Then the phone uses the setting SIP_CONTROLLER_LIST "sbc1.leeds.example.com:5061;transport=tls"
      And the phone uses the setting SIPDOMAIN "leeds.example.com"

  @req:ASSUME-41 @assumption
  Rule: ASSUME-41 — A reply that arrives in small pieces is read whole
    Networks split replies as they please; the phone must wait for the whole reply before it reads it.

    @fault
    Scenario: DES and the server it names send their replies a few bytes at a time
      Given DES names the configuration server "https://prov.example.com/j100"
      And DES sends its reply a few bytes at a time
      And the configuration server "https://prov.example.com/j100" sends its reply a few bytes at a time
      When the user answers Yes
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone uses the setting SIPDOMAIN "example.com"

    @fault
    Scenario: A reply in small pieces is read whole however its headers are spelt
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" holds the site's settings
      And the configuration server "https://prov.example.com/j100" sends its reply a few bytes at a time, with lower-case headers and no space after their colons
      When the user answers Yes
      Then the phone has the site's settings

  @req:YES-3
  Rule: YES-3 — When the server DES names cannot be contacted, the phone asks for the server by hand

    Scenario: A No pressed while the phone waits for the named server does not start a local search
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" stays silent
      When the user answers Yes
      And the user answers No after 1 second
      Then the phone asks for the configuration server by hand
      And the phone never asked DHCP or LLDP for a configuration server

    Scenario: The named server is down
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      And the configuration server "https://prov.example.com/j100" is not on the network
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying the settings could not be fetched

    Scenario: The user types a working server and the phone is provisioned from it
      Given DES names the configuration server "https://prov.example.com/j100", which cannot be reached
      And the configuration server "https://backup.example.com" holds the site's settings
      When the user answers Yes
      And the user enters the configuration server "https://backup.example.com"
      Then the phone is provisioned from "https://backup.example.com"

  @req:YES-4
  Rule: YES-4 — When DES has no server for the phone, the phone asks for the enrollment code

    Scenario: DES knows the phone but has no server for it yet
      Given DES has no configuration server for the phone
      When the user answers Yes
      Then the phone asks for the enrollment code
      And the phone never asked DHCP or LLDP for a configuration server

  @req:ASSUME-19b @assumption
  Rule: ASSUME-19b — The phone reaches DES only over TLS at des.avaya.com
    DES is HTTPS-only and trusts the phone's factory certificate. Its wire format is not public:
    the request and reply the stubbed DES speaks are the suite's own.

    Scenario: Every connection to DES is a TLS connection to des.avaya.com
      Given DES has no configuration server for the phone
      When the user answers Yes
      Then the phone reached DES only over TLS at des.avaya.com

  @req:ASSUME-23 @assumption
  Rule: ASSUME-23 — A provisioning URL the phone cannot use counts as a malformed DES reply
    The phone cannot fetch settings from an address it cannot read, so DES has not helped.

    @fault
    Scenario: DES names a server with an unusable address
      Given DES assigns the phone to the configuration server "ftp://prov.example.com/j100"
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying DES answered with an error
      And the phone contacted no configuration server

    @fault
    Scenario: DES leaves the provisioning URL out of its reply
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      But DES leaves the provisioning URL out of its reply
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying DES answered with an error
      And the phone contacted no configuration server

    @fault
    Scenario: DES sends the bare provisioning URL instead of its usual reply
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"
      But DES sends the bare provisioning URL instead of its usual reply
      When the user answers Yes
      Then the phone asks for the configuration server by hand, saying DES answered with an error
      And the phone contacted no configuration server

  @req:ASSUME-29 @assumption
  Rule: ASSUME-29 — The phone runs its settings file top to bottom, jumping only forward, and hands over to included files
    As Avaya's J100 guide describes it: IF tests $GROUP, $MACADDR, $MODEL and $MODEL4 only, and
    once a file included with GET has been read the rest of the main file is not. Jumps go
    forward only, so a file always ends; a missing model-specific file must not cost the phone
    the site's settings. The phone here is a J179 with MAC address 00:1B:4F:5A:10:01 and serial
    number 22WZ51234567.

    Background:
      Given DES assigns the phone to the configuration server "https://prov.example.com/j100"

    Scenario Outline: IF $<variable> SEQ <value> <outcome>
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        IF $<variable> SEQ <value> GOTO DESK_PHONES
        IF $MODEL4 SEQ J189 GOTO DESK_PHONES
        SET SIPDOMAIN other.example.com
        GOTO END
        # DESK_PHONES
        SET SIPDOMAIN leeds.example.com
        # END
        """
      When the user answers Yes
      Then the phone uses the setting SIPDOMAIN "<domain>"

      Examples: the phone's own values jump
        | variable | value        | outcome                                          | domain            |
        | MODEL4   | J179         | jumps to the label                               | leeds.example.com |
        | MODEL4   | "J179"       | jumps to the label, quotes aside                 | leeds.example.com |
        | MODEL    | J179         | jumps to the label                               | leeds.example.com |
        | MACADDR  | 001b4f5a1001 | jumps to the label                               | leeds.example.com |
        | GROUP    | 0            | jumps to the label, as a new phone is in group 0 | leeds.example.com |

      Examples: other values run on
        | variable | value        | outcome                                          | domain            |
        | MODEL4   | J169         | runs on                                          | other.example.com |
        | MACADDR  | 001B4F5A1001 | runs on, as the MAC is lower case                | other.example.com |
        | GROUP    | 1            | runs on, as the phone is in group 0              | other.example.com |
        | SERIALNO | 22WZ51234567 | runs on, as IF does not test the serial number   | other.example.com |

    Scenario: A jump to a label that is not ahead ends the file
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        SET SIPDOMAIN leeds.example.com
        # AGAIN
        GOTO AGAIN
        SET SIPDOMAIN never.example.com
        """
      When the user answers Yes
      Then the phone uses the setting SIPDOMAIN "leeds.example.com"

    Scenario: Once a file included with GET is read, the rest of the main file is not
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        SET SNTPSRVR 192.0.2.123
        GET j179-leeds.txt
        SET SIPDOMAIN example.com
        """
      And the configuration server "https://prov.example.com/j100" also holds the settings file "j179-leeds.txt":
        """
        SET SIPDOMAIN leeds.example.com
        """
      When the user answers Yes
      Then the phone uses these settings and no others:
        | SIPDOMAIN | leeds.example.com |
        | SNTPSRVR  | 192.0.2.123       |
      And the phone fetched "46xxsettings.txt", then "j179-leeds.txt" from the configuration server "https://prov.example.com/j100", and nothing else

    @bad-input
    Scenario: An included file the server does not have is skipped and the main file's settings stay
      Given the configuration server "https://prov.example.com/j100" holds these settings:
        """
        SET SIPDOMAIN example.com
        GET j179-leeds.txt
        """
      When the user answers Yes
      Then the phone is provisioned from "https://prov.example.com/j100"
      And the phone uses the setting SIPDOMAIN "example.com"
      And the phone fetched "46xxsettings.txt", then "j179-leeds.txt" from the configuration server "https://prov.example.com/j100", and nothing else

    Scenario: Columns lined up with spaces and Windows line endings read as the words they hold
      Given the configuration server "https://prov.example.com/j100" holds these settings, saved with Windows line endings:
        """
        ## Columns lined up with spaces
        IF    $MODEL4     SEQ   J179   GOTO   DESK
        SET   SNTPSRVR    192.0.2.99
        #     DESK
        GET   leeds.txt
        SET   SIPDOMAIN   never.example.com
        """
      And the configuration server "https://prov.example.com/j100" also holds the settings file "leeds.txt":
        """
        SET   SIPDOMAIN   leeds.example.com
        """
      When the user answers Yes
      Then the phone uses these settings and no others:
        | SIPDOMAIN | leeds.example.com |
