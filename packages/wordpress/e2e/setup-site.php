<?php
/**
 * Run by the end-to-end rig with php-cli after the web install: installs the plugin from the
 * built zip with WordPress's own unzip, activates it, names the data sources, makes the Author
 * and an application password for the REST API. Prints JSON.
 *
 * Arguments: WordPress directory, plugin zip, sources as JSON.
 *
 * @package SozialInnovativWidgets
 */

require $argv[1] . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

function si_e2e_fail( $error ): void {
	fwrite( STDERR, is_wp_error( $error ) ? $error->get_error_message() : (string) $error );
	exit( 1 );
}

WP_Filesystem();
$unzipped = unzip_file( $argv[2], WP_PLUGIN_DIR );
if ( is_wp_error( $unzipped ) ) {
	si_e2e_fail( $unzipped );
}
$activated = activate_plugin( 'sozial-innovativ-widgets/sozial-innovativ-widgets.php' );
if ( is_wp_error( $activated ) ) {
	si_e2e_fail( $activated );
}
update_option( 'show_avatars', 0 );
// Through the plugin's own sanitizer, as the settings form saves them.
update_option( 'si_widgets_sources', si_widgets_sanitize_sources( json_decode( $argv[3], true ) ) );

$author = wp_insert_user(
	array(
		'user_login'   => 'autorin',
		'user_pass'    => 'autorin-e2e-passwort',
		'user_email'   => 'autorin@example.invalid',
		'display_name' => 'Autorin',
		'role'         => 'author',
	)
);
if ( is_wp_error( $author ) ) {
	si_e2e_fail( $author );
}
[ $password ] = WP_Application_Passwords::create_new_application_password( $author, array( 'name' => 'e2e' ) );
echo wp_json_encode(
	array(
		'author'         => $author,
		'password'       => $password,
		'unfilteredHtml' => user_can( $author, 'unfiltered_html' ) || user_can( 1, 'unfiltered_html' ),
	)
);
