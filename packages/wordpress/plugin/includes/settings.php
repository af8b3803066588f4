<?php
/**
 * Settings page: named data sources ("Dialogreihe" → feed URL) that blocks and shortcodes pick by
 * name, so editors never type a feed URL and an administrator can move a feed in one place.
 *
 * @package SozialInnovativWidgets
 */

defined( 'ABSPATH' ) || exit;

const SI_WIDGETS_OPTION = 'si_widgets_sources';

/**
 * The named sources, as saved.
 *
 * @return list<array{name: string, url: string, type: string}>
 */
function si_widgets_sources(): array {
	$sources = get_option( SI_WIDGETS_OPTION, array() );
	return is_array( $sources ) ? si_widgets_sanitize_sources( $sources ) : array();
}

/**
 * The source with this name, or null.
 *
 * @return array{name: string, url: string, type: string}|null
 */
function si_widgets_find_source( string $name ): ?array {
	foreach ( si_widgets_sources() as $source ) {
		if ( $source['name'] === $name ) {
			return $source;
		}
	}
	return null;
}

/**
 * Rows from the form (or the database) → a clean list: rows without a name or a valid URL are
 * dropped, names are unique, types come from the allow-list.
 *
 * @param mixed $input the submitted rows.
 * @return list<array{name: string, url: string, type: string}>
 */
function si_widgets_sanitize_sources( $input ): array {
	$clean = array();
	$seen  = array();
	foreach ( is_array( $input ) ? $input : array() as $row ) {
		if ( ! is_array( $row ) ) {
			continue;
		}
		$name = sanitize_text_field( (string) ( $row['name'] ?? '' ) );
		$url  = esc_url_raw( trim( (string) ( $row['url'] ?? '' ) ), array( 'http', 'https', 'webcal' ) );
		$type = (string) ( $row['type'] ?? '' );
		if ( '' === $name || '' === $url || isset( $seen[ $name ] ) ) {
			continue;
		}
		$seen[ $name ] = true;
		$clean[]       = array(
			'name' => $name,
			'url'  => $url,
			'type' => in_array( $type, SI_WIDGETS_SOURCE_TYPES, true ) ? $type : '',
		);
	}
	return $clean;
}

add_action(
	'admin_init',
	static function (): void {
		register_setting(
			'si_widgets',
			SI_WIDGETS_OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => 'si_widgets_sanitize_sources',
				'default'           => array(),
				'show_in_rest'      => false,
			)
		);
	}
);

add_action(
	'admin_menu',
	static function (): void {
		add_options_page(
			__( 'Sozial.Innovativ widgets', 'sozial-innovativ-widgets' ),
			__( 'Sozial.Innovativ', 'sozial-innovativ-widgets' ),
			'manage_options',
			'si-widgets',
			'si_widgets_settings_page'
		);
	}
);

/** The form posts to options.php: settings_fields() adds the nonce that options.php checks. */
function si_widgets_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$rows   = si_widgets_sources();
	$rows[] = array(
		'name' => '',
		'url'  => '',
		'type' => '',
	);
	$types  = array( '' => __( 'Guess from the URL', 'sozial-innovativ-widgets' ) ) + array_combine( SI_WIDGETS_SOURCE_TYPES, SI_WIDGETS_SOURCE_TYPES );
	?>
	<div class="wrap">
		<h1><?php echo esc_html__( 'Sozial.Innovativ widgets', 'sozial-innovativ-widgets' ); ?></h1>
		<h2><?php echo esc_html__( 'Data sources', 'sozial-innovativ-widgets' ); ?></h2>
		<p><?php echo esc_html__( 'Name each feed once; blocks and shortcodes pick it by name, e.g. [si_event_calendar source="Dialogreihe"]. Leave a name empty to remove its row.', 'sozial-innovativ-widgets' ); ?></p>
		<form method="post" action="options.php">
			<?php settings_fields( 'si_widgets' ); ?>
			<table class="widefat striped" role="presentation">
				<thead>
					<tr>
						<th scope="col"><?php echo esc_html__( 'Name', 'sozial-innovativ-widgets' ); ?></th>
						<th scope="col"><?php echo esc_html__( 'Feed URL', 'sozial-innovativ-widgets' ); ?></th>
						<th scope="col"><?php echo esc_html__( 'Format', 'sozial-innovativ-widgets' ); ?></th>
					</tr>
				</thead>
				<tbody>
				<?php foreach ( $rows as $i => $row ) : ?>
					<tr>
						<td><input type="text" class="regular-text" name="<?php echo esc_attr( SI_WIDGETS_OPTION . "[$i][name]" ); ?>" value="<?php echo esc_attr( $row['name'] ); ?>" aria-label="<?php echo esc_attr__( 'Name', 'sozial-innovativ-widgets' ); ?>"></td>
						<td><input type="url" class="large-text" name="<?php echo esc_attr( SI_WIDGETS_OPTION . "[$i][url]" ); ?>" value="<?php echo esc_url( $row['url'] ); ?>" aria-label="<?php echo esc_attr__( 'Feed URL', 'sozial-innovativ-widgets' ); ?>"></td>
						<td>
							<select name="<?php echo esc_attr( SI_WIDGETS_OPTION . "[$i][type]" ); ?>" aria-label="<?php echo esc_attr__( 'Format', 'sozial-innovativ-widgets' ); ?>">
								<?php foreach ( $types as $value => $label ) : ?>
									<option value="<?php echo esc_attr( $value ); ?>" <?php selected( $row['type'], $value ); ?>><?php echo esc_html( $label ); ?></option>
								<?php endforeach; ?>
							</select>
						</td>
					</tr>
				<?php endforeach; ?>
				</tbody>
			</table>
			<p><?php echo esc_html__( 'Content-Security-Policy: give the widgets\' script tag your nonce with the filter si_widgets_csp_nonce; allow connect-src for every feed origin and trusted-types lit-html si-jsonld.', 'sozial-innovativ-widgets' ); ?></p>
			<?php submit_button(); ?>
		</form>
	</div>
	<?php
}
